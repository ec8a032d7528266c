use crate::Lang;

#[cfg_attr(feature = "arbitrary", derive(::arbitrary::Arbitrary))]
#[derive(Debug, Clone, Default)]
pub enum FilterList {
    #[default]
    All,
    Allow(LangSet),
    Deny(LangSet),
}

/// thresh: a set of languages as one bit per language (there are 70), so
/// that asking whether one is in it is one test, not a scan of a list: the
/// detector asks it of every language of a script, twice a text.
#[cfg_attr(feature = "arbitrary", derive(::arbitrary::Arbitrary))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LangSet(u128);

// Every language has its bit.
const _: () = assert!(crate::lang::VALUES.len() <= 128);

impl LangSet {
    fn of(langs: &[Lang]) -> Self {
        LangSet(langs.iter().fold(0, |set, &lang| set | 1 << (lang as u32)))
    }

    fn contains(&self, lang: Lang) -> bool {
        self.0 & (1 << (lang as u32)) != 0
    }
}

impl FilterList {
    #[cfg(feature = "dev")]
    pub fn all() -> Self {
        Self::All
    }

    pub fn allow(allowlist: Vec<Lang>) -> Self {
        Self::Allow(LangSet::of(&allowlist))
    }

    pub fn deny(denylist: Vec<Lang>) -> Self {
        Self::Deny(LangSet::of(&denylist))
    }

    #[inline]
    pub fn is_allowed(&self, lang: Lang) -> bool {
        match self {
            Self::All => true,
            Self::Allow(allowlist) => allowlist.contains(lang),
            Self::Deny(denylist) => !denylist.contains(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "dev")]
    fn test_all() {
        let list = FilterList::all();
        assert!(list.is_allowed(Lang::Epo));
    }

    #[test]
    fn test_only() {
        let list = FilterList::allow(vec![Lang::Rus, Lang::Ukr]);

        assert!(!list.is_allowed(Lang::Epo));
        assert!(!list.is_allowed(Lang::Eng));

        assert!(list.is_allowed(Lang::Rus));
        assert!(list.is_allowed(Lang::Ukr));
    }

    #[test]
    fn test_except() {
        let list = FilterList::deny(vec![Lang::Rus, Lang::Ukr]);

        assert!(list.is_allowed(Lang::Epo));
        assert!(list.is_allowed(Lang::Eng));

        assert!(!list.is_allowed(Lang::Rus));
        assert!(!list.is_allowed(Lang::Ukr));
    }
}
