//! Rule loading on arbitrary text: parsing and compiling either succeed or
//! give located errors; never a panic, never an unbounded regex.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thresh::rules::RuleSet;
use thresh::rules::spec::parse_rule;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_rule("fuzz/rule.toml", text) {
        Ok(spec) => {
            if let Ok(set) = RuleSet::compile(vec![spec]) {
                let t = thresh::Thresh::with_rules(set, thresh::LangPolicy::Any);
                let _ = t.clean("Title\n\nSome body text that the rule may or may not touch.\n\n©2025 Example\n");
            }
        }
        Err(errors) => {
            for e in errors {
                assert!(e.at.line >= 1 && e.at.column >= 1);
                assert!(!e.message.is_empty() && !e.help.is_empty());
            }
        }
    }
});
