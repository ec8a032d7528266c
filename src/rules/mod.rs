//! Rules: the file format ([`spec`]), loading from the embedded defaults and
//! from folders ([`source`]), compiling into one matcher ([`compile`]), the
//! names a match may ask for ([`names`]), and located errors ([`error`]).

pub mod compile;
pub mod error;
pub mod names;
mod phrase_set;
mod regex_set;
mod required;
pub mod source;
pub mod spec;
mod word_starts;

pub use compile::{CompiledRule, Firing, RuleSet};
pub use error::{Located, Location, RuleError, RuleErrors};
pub use spec::{Action, Position, RuleSpec, Scope, Structure};
