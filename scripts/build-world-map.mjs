#!/usr/bin/env node
// Builds data/map/world-110m.svg: the land outlines that the register's map is drawn on.
//
// Source: the npm package world-atlas (Natural Earth 1:110m land, public domain), fetched
// with `npm pack`. The outlines are projected with the Equal Earth projection into a
// 1000-unit-wide box; crates/web/src/calls_map.rs uses the same projection to place
// signatories, so the two must change together. Antarctica is left out (no signatories,
// a third of the ink). Run from the repository root: node scripts/build-world-map.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = 'world-atlas@2.0.2';
const WIDTH = 1000;

// Equal Earth (Šavrič, Patterson, Jenny 2018).
const A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796;
const M = Math.sqrt(3) / 2;
function equalEarth(lonDeg, latDeg) {
  const lambda = (lonDeg * Math.PI) / 180;
  const phi = (latDeg * Math.PI) / 180;
  const theta = Math.asin(M * Math.sin(phi));
  const t2 = theta * theta, t6 = t2 * t2 * t2;
  const x = (lambda * Math.cos(theta)) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
  const y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
  return [x, y];
}
const X_MAX = equalEarth(180, 0)[0];
const Y_MAX = equalEarth(0, 90)[1];
const SCALE = WIDTH / (2 * X_MAX);
function project(lon, lat) {
  const [x, y] = equalEarth(lon, lat);
  return [(x + X_MAX) * SCALE, (Y_MAX - y) * SCALE];
}
// The map stops at 60° south: below it there is only Antarctica, which is left out.
const HEIGHT = Math.round(project(0, -60)[1]);

const work = mkdtempSync(join(tmpdir(), 'world-atlas-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], { stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['-xzf', join(work, 'world-atlas-2.0.2.tgz'), '-C', work]);
  const topology = JSON.parse(readFileSync(join(work, 'package', 'land-110m.json'), 'utf8'));

  // TopoJSON: quantized, delta-encoded arcs.
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };

  const polygons = [];
  for (const geometry of topology.objects.land.geometries) {
    const list = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
    for (const polygon of list) polygons.push(polygon.map(ring));
  }

  // A ring that crosses the antimeridian is cut there into pieces that each start and
  // end on the map's edge, so that no stroke runs across the whole map.
  const pieces = (points) => {
    const cuts = [];
    for (let i = 1; i < points.length; i++) {
      if (Math.abs(points[i][0] - points[i - 1][0]) > 180) cuts.push(i);
    }
    if (!cuts.length) return [points];
    const rotated = points.slice(0, -1); // drop the closing point
    const start = cuts[0];
    const seq = rotated.slice(start).concat(rotated.slice(0, start)).concat([rotated[start]]);
    const out = [];
    let current = [seq[0]];
    for (let i = 1; i < seq.length; i++) {
      const [lon0, lat0] = seq[i - 1];
      const [lon1, lat1] = seq[i];
      if (Math.abs(lon1 - lon0) > 180) {
        const edge0 = lon0 > 0 ? 180 : -180;
        const span = 360 - Math.abs(lon1 - lon0);
        const lat = lat0 + ((lat1 - lat0) * Math.abs(edge0 - lon0)) / span;
        current.push([edge0, lat]);
        out.push(current);
        current = [[-edge0, lat], seq[i]];
      } else {
        current.push(seq[i]);
      }
    }
    if (current.length > 1) out.push(current);
    return out;
  };

  let d = '';
  let kept = 0;
  for (const polygon of polygons) {
    for (const points of polygon) {
      if (Math.max(...points.map((p) => p[1])) < -55) continue; // Antarctica
      for (const piece of pieces(points)) {
        let prev = null;
        let path = '';
        let n = 0;
        for (const [lon, lat] of piece) {
          const [x, y] = project(lon, lat).map((v) => Math.round(v * 2) / 2);
          if (prev && prev[0] === x && prev[1] === y) continue;
          path += prev ? `l${+(x - prev[0]).toFixed(1)} ${+(y - prev[1]).toFixed(1)}` : `M${x} ${y}`;
          prev = [x, y];
          n++;
        }
        if (n >= 3) {
          d += path.replace(/ -/g, '-') + 'z';
          kept++;
        }
      }
    }
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<!-- Land outlines: Natural Earth 1:110m (public domain), via the npm package ${PACKAGE}; ` +
    `Equal Earth projection, ${WIDTH} units wide, down to 60° south (Antarctica omitted). Built by scripts/build-world-map.mjs. -->` +
    `<path fill="#dfe6e9" stroke="#b2bec3" stroke-width="0.5" d="${d}"/></svg>\n`;
  mkdirSync('data/map', { recursive: true });
  writeFileSync('data/map/world-110m.svg', svg);
  console.log(`data/map/world-110m.svg: ${kept} outlines, ${WIDTH}×${HEIGHT}, ${svg.length} bytes`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
