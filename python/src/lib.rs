//! The `thresh` Python module: the same engine as the command line, built once
//! and shared across threads.
//!
//! Texts cross the boundary as Python `str`; a string with lone surrogates
//! (which UTF-8 cannot hold) has them replaced by U+FFFD. `clean_batch`
//! releases the GIL and cleans on every core. Report spans are in characters
//! (Python string indices), not the engine's bytes.

use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};
use rayon::prelude::*;

mod offsets;
mod report;

pyo3::create_exception!(
    _native,
    RuleError,
    PyValueError,
    "A rule file is invalid. The message names each problem at its file, line and column, \
     as the command line prints it."
);

/// A compiled cleaner: rules, language policy and detector. Build it once and
/// share it; every method is safe to call from many threads at once.
#[pyclass(frozen, module = "thresh")]
struct Thresh {
    inner: thresh::Thresh,
    /// The constructor's arguments, for pickling: a worker process rebuilds
    /// the cleaner from them (rule folders must exist there too).
    args: Args,
}

#[derive(Clone)]
struct Args {
    lang: Vec<String>,
    rules: Vec<PathBuf>,
    disable: Vec<String>,
    default_rules: bool,
    encoding: Option<String>,
}

/// `lang` as given: one string (`"en"`, `"en,de"`, `"any"`) or a list of codes.
#[derive(FromPyObject)]
enum Langs {
    One(String),
    Many(Vec<String>),
}

impl Langs {
    fn codes(self) -> Vec<String> {
        let list = match self {
            Langs::One(s) => s.split(',').map(str::to_owned).collect(),
            Langs::Many(v) => v,
        };
        list.into_iter().map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()).collect()
    }
}

fn build_error(e: thresh::Error) -> PyErr {
    match e {
        thresh::Error::Rules(errors) => RuleError::new_err(errors.to_string()),
        other => PyValueError::new_err(other.to_string()),
    }
}

/// The text of a Python `str`, each lone surrogate replaced by one U+FFFD.
fn text_of(s: &Bound<'_, PyString>) -> String {
    if let Ok(text) = s.to_cow() {
        return text.into_owned();
    }
    // Only lone surrogates make a `str` unencodable as UTF-8; UTF-16 with
    // `surrogatepass` keeps them as single units that the lossy decoder marks.
    let units: Option<Vec<u16>> = s
        .call_method1("encode", ("utf-16-le", "surrogatepass"))
        .ok()
        .and_then(|b| b.cast_into::<PyBytes>().ok())
        .map(|b| b.as_bytes().chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect());
    match units {
        Some(units) => String::from_utf16_lossy(&units),
        None => s.to_string_lossy().into_owned(),
    }
}

#[pymethods]
impl Thresh {
    #[new]
    #[pyo3(signature = (lang = None, rules = None, disable = None, default_rules = true, encoding = None))]
    fn new(
        py: Python<'_>,
        lang: Option<Langs>,
        rules: Option<Vec<PathBuf>>,
        disable: Option<Vec<String>>,
        default_rules: bool,
        encoding: Option<String>,
    ) -> PyResult<Thresh> {
        let args = Args {
            lang: lang.map_or_else(|| vec!["en".to_owned()], Langs::codes),
            rules: rules.unwrap_or_default(),
            disable: disable.unwrap_or_default(),
            default_rules,
            encoding,
        };
        let mut builder = thresh::Thresh::builder()
            .default_rules(default_rules)
            .langs(&args.lang)
            .rule_dirs(&args.rules)
            .disable_all(&args.disable);
        if let Some(label) = &args.encoding {
            builder = builder.encoding(label);
        }
        let inner = builder.build().map_err(build_error)?;
        if let [first, ..] = inner.undetectable_languages() {
            let message = format!(
                "the language detector does not know {first:?}; the language policy is off \
                 (blocks are kept whatever their language, the rules still apply)"
            );
            let message = std::ffi::CString::new(message).unwrap_or_default();
            PyErr::warn(py, &py.get_type::<pyo3::exceptions::PyUserWarning>(), &message, 1)?;
        }
        Ok(Thresh { inner, args })
    }

    /// The clean text of `text`: the kept blocks, one blank line between
    /// them, a newline after the last; `""` when nothing is kept.
    fn clean(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> String {
        let text = text_of(text);
        py.detach(|| self.inner.clean_text(&text))
    }

    /// Decodes `data` as the command line does (byte-order mark, UTF-8, or a
    /// detected legacy encoding such as Big5, GBK or Shift_JIS; the
    /// `encoding` given to the constructor overrides detection) and cleans it.
    fn clean_bytes(&self, py: Python<'_>, data: &Bound<'_, PyBytes>) -> String {
        let bytes = data.as_bytes().to_vec();
        py.detach(|| self.inner.clean_bytes_with(&bytes, thresh::Detail::Decisions).text)
    }

    /// The clean text and an account of every block, as a dict:
    /// `{"text", "blocks": [{"span", "lang", "confidence", "lang_method",
    /// "decision", "by", "rule", "evidence", "stripped"}], "decode"}` with
    /// spans as `[start, end]` character offsets into `text`.
    fn clean_report<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let text = text_of(text);
        let cleaned = py.detach(|| self.inner.clean(&text));
        report::to_dict(py, &text, &cleaned)
    }

    /// Cleans many texts at once, the GIL released, on `threads` threads
    /// (default: every core; `1` cleans in the calling thread). One output
    /// per input, in order; `None` cleans to `""`.
    #[pyo3(signature = (texts, threads = None))]
    fn clean_batch(
        &self,
        py: Python<'_>,
        texts: Vec<Option<Bound<'_, PyString>>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<String>> {
        let texts: Vec<String> = texts.iter().map(|t| t.as_ref().map(text_of).unwrap_or_default()).collect();
        let clean = |t: &String| if t.is_empty() { String::new() } else { self.inner.clean_text(t) };
        match threads {
            Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
            Some(1) => Ok(py.detach(|| texts.iter().map(clean).collect())),
            None => Ok(py.detach(|| texts.par_iter().map(clean).collect())),
            Some(n) => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?;
                Ok(py.detach(|| pool.install(|| texts.par_iter().map(clean).collect())))
            }
        }
    }

    /// The ids of the loaded rules, in the order they are applied.
    #[getter]
    fn rule_ids<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.rules().rules().iter().map(|r| r.spec.id.value.as_str()))
    }

    /// The languages asked for that the detector does not know (they turn
    /// the language policy off).
    #[getter]
    fn undetectable_languages(&self) -> Vec<String> {
        self.inner.undetectable_languages().to_vec()
    }

    /// The languages kept (`["any"]` when the policy is off).
    #[getter]
    fn lang(&self) -> Vec<String> {
        match self.inner.policy() {
            thresh::LangPolicy::Any => vec!["any".to_owned()],
            thresh::LangPolicy::Only(codes) => codes.clone(),
        }
    }

    /// Pickles as its constructor's arguments: unpickling compiles the rules
    /// again (rule folders must exist where it is unpickled).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let py = slf.py();
        let a = &slf.get().args;
        let args = (a.lang.clone(), a.rules.clone(), a.disable.clone(), a.default_rules, a.encoding.clone());
        Ok((slf.get_type().into_any(), args.into_pyobject(py)?.into_any()))
    }

    fn __repr__(&self) -> String {
        format!("Thresh(lang={:?}, rules={})", self.lang(), self.inner.rules().rules().len())
    }
}

/// The `thresh._native` extension module; `thresh` re-exports it.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Thresh>()?;
    m.add("RuleError", m.py().get_type::<RuleError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
