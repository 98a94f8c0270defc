//! Drawings of the register, made on the server as SVG so they need no script and no
//! outside service: the map of signatories (dots on Natural Earth outlines), the chart of
//! signatures over time, and the badge a signatory can put on its own site.

use praxis_domain::text::escape_markup as esc;
use std::fmt::Write as _;

/// Land outlines, projected by `scripts/build-world-map.mjs` (Natural Earth, public domain).
pub const WORLD_SVG: &str = include_str!("../../../../data/map/world-110m.svg");
pub const MAP_WIDTH: f64 = 1000.0;

// Equal Earth, with the same constants and scaling as the build script.
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// The height of the map for [`MAP_WIDTH`]: down to 60° south, as the build script
/// draws it.
pub fn map_height() -> f64 {
    project(0.0, -60.0).1.round()
}

/// Longitude and latitude (degrees) to map coordinates.
pub fn project(lon: f64, lat: f64) -> (f64, f64) {
    let (x_max, _) = equal_earth(180.0, 0.0);
    let (_, y_max) = equal_earth(0.0, 90.0);
    let scale = MAP_WIDTH / (2.0 * x_max);
    let (x, y) = equal_earth(lon, lat);
    ((x + x_max) * scale, (y_max - y) * scale)
}

pub struct Dot {
    pub lon: f64,
    pub lat: f64,
    /// Shown on hover (the list beside the map is the accessible alternative).
    pub label: String,
}

/// The map: the outlines as an image underneath (cached by the browser), the dots drawn
/// for this page.
pub fn map(world_href: &str, dots: &[Dot], title: &str, description: &str) -> String {
    let height = map_height();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="call-map" viewBox="0 0 {MAP_WIDTH} {height}" role="img" aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg"><title id="map-title">{}</title><desc id="map-desc">{}</desc><image href="{}" x="0" y="0" width="{MAP_WIDTH}" height="{height}"/>"#,
        esc(title),
        esc(description),
        esc(world_href)
    );
    for dot in dots {
        let (x, y) = project(dot.lon, dot.lat);
        let _ = write!(
            out,
            r#"<circle class="dot" cx="{x:.1}" cy="{y:.1}" r="6"><title>{}</title></circle>"#,
            esc(&dot.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// One bar of the chart: a period and the total of signatories at its end.
pub struct Bar {
    pub label: String,
    pub total: usize,
}

/// Signatures over time: one bar per period, its height the running total.
pub fn chart(bars: &[Bar], title: &str) -> String {
    let (width, height, left, bottom, top) = (640.0, 240.0, 36.0, 40.0, 12.0);
    let max = bars.iter().map(|b| b.total).max().unwrap_or(0).max(1) as f64;
    let plot_h = height - bottom - top;
    let step = if bars.is_empty() { 0.0 } else { (width - left - 8.0) / bars.len() as f64 };
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="call-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">{}</title>"#,
        esc(title)
    );
    let _ = write!(
        out,
        r##"<line x1="{left}" y1="{}" x2="{}" y2="{}" stroke="#6b7683"/>"##,
        height - bottom,
        width - 8.0,
        height - bottom
    );
    let _ = write!(
        out,
        r##"<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#3d4650">{}</text><text x="{}" y="{}" font-size="12" text-anchor="end" fill="#3d4650">0</text>"##,
        left - 4.0,
        top + 10.0,
        max as usize,
        left - 4.0,
        height - bottom
    );
    for (i, bar) in bars.iter().enumerate() {
        let h = plot_h * bar.total as f64 / max;
        let x = left + i as f64 * step + step * 0.15;
        let w = step * 0.7;
        let y = height - bottom - h;
        let _ =
            write!(out, r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="#1f6f8b"/>"##);
        if bar.total > 0 {
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#1d2329">{}</text>"##,
                x + w / 2.0,
                y - 3.0,
                bar.total
            );
        }
        // Every label when they fit, else every other one.
        if bars.len() <= 12 || i % 2 == 0 {
            let _ = write!(
                out,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#3d4650">{}</text>"##,
                x + w / 2.0,
                height - bottom + 16.0,
                esc(&bar.label)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// A small badge: "{heading}" above the signatory's name.
pub fn badge(heading: &str, name: &str, lang: &str) -> String {
    let name: String = if name.chars().count() > 44 {
        format!("{}…", name.chars().take(43).collect::<String>())
    } else {
        name.to_string()
    };
    let heading: String = heading.chars().take(60).collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="320" height="64" viewBox="0 0 320 64" role="img" aria-label="{label}" xml:lang="{lang}"><title>{label}</title><rect width="320" height="64" rx="8" fill="#1f6f8b"/><text x="16" y="26" font-family="system-ui, sans-serif" font-size="12" fill="#ffffff">◆ {heading}</text><text x="16" y="48" font-family="system-ui, sans-serif" font-size="15" font-weight="bold" fill="#ffffff">{name}</text></svg>"##,
        label = esc(&format!("{heading}: {name}")),
        heading = esc(&heading),
        name = esc(&name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_matches_the_outline_file() {
        let height = map_height();
        assert!(
            WORLD_SVG.contains(&format!(r#"viewBox="0 0 {MAP_WIDTH} {height}""#)),
            "the outline file was built for another size"
        );
        let (x, y) = project(0.0, 0.0);
        let (_, pole) = project(0.0, -90.0);
        assert!((x - 500.0).abs() < 1e-9 && (y - pole / 2.0).abs() < 1e-9, "the equator halves the full map");
        assert!(project(0.0, -60.0).1 <= height + 0.5);
        // Western cities land left of eastern ones, northern ones above southern ones.
        let lima = project(-77.03, -12.05);
        let seoul = project(126.98, 37.57);
        assert!(lima.0 < seoul.0 && seoul.1 < lima.1);
        assert!(WORLD_SVG.contains("Natural Earth"));
    }

    #[test]
    fn drawings_escape_names() {
        let svg = map("/w.svg", &[Dot { lon: 2.35, lat: 48.85, label: "<Paris & co>".into() }], "Map", "d");
        assert!(svg.contains("&lt;Paris &amp; co&gt;") && !svg.contains("<Paris"));
        let b = badge("Signatory", "A \"quoted\" <name>", "en");
        assert!(b.contains("&quot;quoted&quot;") && !b.contains("<name>"));
        let c = chart(&[Bar { label: "2026-02".into(), total: 3 }], "Chart");
        assert!(c.contains("<rect"));
    }
}
