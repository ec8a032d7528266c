//! Inputs and outputs of `thresh clean`: files, folders (recursive, with a
//! glob filter), standard input; gzip read transparently and kept on output.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::Compression;
use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;

const BUF: usize = 1 << 16;

/// One input: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The name of its output under `--output DIR`.
    pub rel: PathBuf,
}

impl Input {
    /// The name used in messages.
    pub fn display(&self) -> String {
        self.path.as_ref().map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string())
    }

    /// The size on disk, when known.
    pub fn size(&self) -> Option<u64> {
        self.path.as_ref().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len())
    }
}

/// Expands the arguments: `-` is standard input, a folder is every file below
/// it whose path relative to the folder matches `glob` (all files when none),
/// in path order. With no arguments, standard input.
pub fn resolve(args: &[String], glob: Option<&str>) -> Result<Vec<Input>, String> {
    if args.is_empty() {
        return Ok(vec![Input { path: None, rel: PathBuf::from("stdin") }]);
    }
    let mut inputs = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input { path: None, rel: PathBuf::from("stdin") });
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            let mut files = Vec::new();
            walk(&path, &mut files).map_err(|e| format!("{arg}: {e}"))?;
            files.sort();
            for file in files {
                let rel = file.strip_prefix(&path).unwrap_or(&file).to_path_buf();
                if glob.is_none_or(|g| glob_match(g, &rel)) {
                    inputs.push(Input { path: Some(file), rel });
                }
            }
        } else {
            let rel = path.file_name().map_or_else(|| PathBuf::from(arg), PathBuf::from);
            inputs.push(Input { path: Some(path), rel });
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Matches `path` against a glob: `*` and `?` within one path component, `**`
/// across components. A pattern without `/` is matched against the file name.
pub fn glob_match(pattern: &str, path: &Path) -> bool {
    let text = path.to_string_lossy().replace('\\', "/");
    if !pattern.contains('/') {
        let name = text.rsplit('/').next().unwrap_or(&text);
        return matches(pattern.as_bytes(), name.as_bytes());
    }
    matches(pattern.as_bytes(), text.as_bytes())
}

fn matches(p: &[u8], t: &[u8]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some(b'*') if p.get(1) == Some(&b'*') => {
            let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
            (0..=t.len()).any(|i| (i == 0 || t[i - 1] == b'/') && matches(rest, &t[i..]))
        }
        Some(b'*') => {
            (0..=t.len()).take_while(|&i| i == 0 || t[i - 1] != b'/').any(|i| matches(&p[1..], &t[i..]))
        }
        Some(b'?') => t.first().is_some_and(|&c| c != b'/') && matches(&p[1..], &t[1..]),
        Some(&c) => t.first() == Some(&c) && matches(&p[1..], &t[1..]),
    }
}

/// An opened input: its decompressed bytes, and whether it was gzip.
pub struct Opened {
    pub reader: Box<dyn BufRead + Send>,
    pub gzip: bool,
}

/// Opens an input, decompressing gzip (recognised by its magic bytes);
/// `counter` counts the raw bytes read, for progress.
pub fn open(input: &Input, counter: &Arc<AtomicU64>) -> io::Result<Opened> {
    let raw: Box<dyn Read + Send> = match &input.path {
        Some(p) => Box::new(File::open(p)?),
        None => Box::new(io::stdin()),
    };
    let mut buffered = BufReader::with_capacity(BUF, Counting { inner: raw, counter: Arc::clone(counter) });
    let gzip = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn BufRead + Send> = if gzip {
        Box::new(BufReader::with_capacity(BUF, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Ok(Opened { reader, gzip })
}

/// An output file under `--output DIR`, plain or gzip.
pub enum Output {
    Plain(io::BufWriter<File>),
    Gzip(GzEncoder<io::BufWriter<File>>),
}

impl Output {
    /// Creates the output for `input` under `dir`, gzip-compressed when the input was.
    pub fn create(dir: &Path, input: &Input, gzip: bool) -> io::Result<Output> {
        let path = dir.join(&input.rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let file = io::BufWriter::with_capacity(BUF, File::create(&path)?);
        Ok(if gzip {
            Output::Gzip(GzEncoder::new(file, Compression::default()))
        } else {
            Output::Plain(file)
        })
    }

    /// Flushes the output and, for gzip, writes the trailer.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Plain(mut f) => f.flush(),
            Output::Gzip(gz) => gz.finish()?.flush(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Plain(f) => f.write(buf),
            Output::Gzip(g) => g.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Plain(f) => f.flush(),
            Output::Gzip(g) => g.flush(),
        }
    }
}

struct Counting {
    inner: Box<dyn Read + Send>,
    counter: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let m = |p: &str, t: &str| glob_match(p, Path::new(t));
        assert!(m("*.jsonl", "a/b/c.jsonl"));
        assert!(!m("*.jsonl", "a/b/c.jsonl.gz"));
        assert!(m("*.jsonl*", "c.jsonl.gz"));
        assert!(m("**/*.gz", "a/b/c.gz"));
        assert!(m("**/*.gz", "c.gz"));
        assert!(m("a/*/c.txt", "a/b/c.txt"));
        assert!(!m("a/*/c.txt", "a/b/d/c.txt"));
        assert!(m("shard-??.jsonl", "shard-07.jsonl"));
    }
}
