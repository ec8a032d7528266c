use hashbrown::HashMap;

use super::utils::ranked_trigrams;
use super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
use super::{LangProfile, LangProfileList};
use super::{MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
use crate::Lang;
use crate::core::{FilterList, Info, InternalQuery, Text, calculate_confidence};
use crate::scripts::grouping::MultiLangScript;

#[derive(Debug)]
pub struct RawOutcome {
    pub trigrams_count: usize,
    #[allow(dead_code)]
    pub raw_distances: Vec<(Lang, u32)>,
    pub scores: Vec<(Lang, f64)>,
}

#[inline]
pub fn detect(iquery: &InternalQuery) -> Option<Info> {
    let raw_outcome = raw_detect(iquery);
    let RawOutcome {
        trigrams_count,
        scores,
        ..
    } = raw_outcome;

    let mut raw_scores_iter = scores.into_iter();

    let opt_lang_score1 = raw_scores_iter.next();
    let opt_lang_score2 = raw_scores_iter.next();

    // TODO: Logic is duplicated in alphabets. Consider refactoring
    opt_lang_score1.map(|(lang1, score1)| {
        let script = iquery.multi_lang_script.to_script();
        let confidence = if let Some((_, score2)) = opt_lang_score2 {
            calculate_confidence(score1, score2, trigrams_count)
        } else {
            1.0
        };
        Info::new(script, lang1, confidence)
    })
}

#[inline]
pub fn raw_detect(iquery: &InternalQuery) -> RawOutcome {
    let lang_profile_list = script_to_lang_profile_list(iquery.multi_lang_script);
    calculate_scores_in_profiles(&iquery.text, iquery.filter_list, lang_profile_list)
}

fn script_to_lang_profile_list(script: MultiLangScript) -> LangProfileList {
    use MultiLangScript as MLS;
    match script {
        MLS::Latin => LATIN_LANGS,
        MLS::Cyrillic => CYRILLIC_LANGS,
        MLS::Arabic => ARABIC_LANGS,
        MLS::Devanagari => DEVANAGARI_LANGS,
        MLS::Hebrew => HEBREW_LANGS,
    }
}

#[inline]
fn calculate_scores_in_profiles(
    text: &Text,
    filter_list: &FilterList,
    lang_profile_list: LangProfileList,
) -> RawOutcome {
    let mut lang_distances: Vec<(Lang, u32)> = Vec::with_capacity(lang_profile_list.len());

    // thresh: the text's trigrams ranked without hash maps
    // (`ranked_trigrams`), and the distances from an inverted index of the
    // profiles (one lookup per text trigram instead of one per profile
    // trigram and language); `get_trigrams_with_positions` and
    // `calculate_distance` give the same numbers and are kept as the
    // reference.
    let ranked = ranked_trigrams(&text.lowercase());
    let unique_trigrams_count = ranked.len();
    let distances = inverted::distances(lang_profile_list, &ranked);
    for (&(lang, _), dist) in lang_profile_list.iter().zip(distances) {
        if !filter_list.is_allowed(lang) {
            continue;
        }
        lang_distances.push(((lang), dist));
    }

    // Sort languages by distance
    lang_distances.sort_unstable_by_key(|(_, dist)| *dist);

    let max_dist = unique_trigrams_count as u32 * MAX_TRIGRAM_DISTANCE;

    let raw_scores = lang_distances
        .iter()
        .map(|&(lang, distance)| (lang, distance_to_raw_score(distance, max_dist)))
        .collect();

    RawOutcome {
        trigrams_count: unique_trigrams_count,
        scores: raw_scores,
        raw_distances: lang_distances,
    }
}

#[inline]
pub(crate) fn calculate_distance(
    lang_trigrams: LangProfile,
    text_trigrams: &HashMap<Trigram, u32>,
) -> u32 {
    let mut total_dist = 0u32;

    for (i, &trigram) in lang_trigrams.iter().enumerate() {
        let dist = match text_trigrams.get(&trigram) {
            Some(&n) => (n as i32 - i as i32).unsigned_abs(),
            None => MAX_TRIGRAM_DISTANCE,
        };
        total_dist += dist;
    }

    let count = text_trigrams.len() as u32;

    if MAX_TRIGRAM_DISTANCE > count {
        let delta = MAX_TRIGRAM_DISTANCE - count;
        total_dist -= delta * MAX_TRIGRAM_DISTANCE;
    }

    total_dist.clamp(0, MAX_TOTAL_DISTANCE)
}

#[inline]
fn distance_to_raw_score(distance: u32, max_distance: u32) -> f64 {
    let similarity = max_distance - distance;
    similarity as f64 / max_distance as f64
}

/// thresh: an inverted index of each profile list, built on first use.
pub(crate) mod inverted {
    use std::sync::OnceLock;

    use hashbrown::HashMap;

    use super::super::utils::trigram_key;
    use super::super::{ARABIC_LANGS, CYRILLIC_LANGS, DEVANAGARI_LANGS, HEBREW_LANGS, LATIN_LANGS};
    use super::super::{LangProfileList, MAX_TOTAL_DISTANCE, MAX_TRIGRAM_DISTANCE, Trigram};
    use super::calculate_distance;

    /// For each trigram of any profile in a list (by `trigram_key`): where
    /// its (profile index, rank) pairs are in `entries`, all of a trigram's
    /// in a row.
    struct Index {
        spans: HashMap<u64, (u32, u32)>,
        entries: Vec<(u16, u16)>,
    }

    /// Every profile list whatlang has, in a fixed order.
    fn lists() -> [LangProfileList; 5] {
        [
            LATIN_LANGS,
            CYRILLIC_LANGS,
            ARABIC_LANGS,
            DEVANAGARI_LANGS,
            HEBREW_LANGS,
        ]
    }

    /// The index of `list`: all five are built on the first call, and read
    /// without a lock after it.
    fn index_of(list: LangProfileList) -> Option<&'static Index> {
        static INDEXES: OnceLock<Vec<Index>> = OnceLock::new();
        let indexes = INDEXES.get_or_init(|| lists().iter().map(|l| build(l)).collect());
        let at = lists()
            .iter()
            .position(|l| std::ptr::eq(l.as_ptr(), list.as_ptr()))?;
        indexes.get(at)
    }

    fn build(list: LangProfileList) -> Index {
        let mut by_trigram: HashMap<u64, Vec<(u16, u16)>> = HashMap::new();
        for (li, (_, profile)) in list.iter().enumerate() {
            for (rank, trigram) in profile.iter().enumerate() {
                by_trigram
                    .entry(trigram_key(trigram))
                    .or_default()
                    .push((li as u16, rank as u16));
            }
        }
        let mut index = Index {
            spans: HashMap::with_capacity(by_trigram.len()),
            entries: Vec::new(),
        };
        for (key, pairs) in by_trigram {
            let start = index.entries.len() as u32;
            index.entries.extend(pairs);
            index.spans.insert(key, (start, index.entries.len() as u32));
        }
        index
    }

    /// The distance from every profile of `list` of a text whose trigrams,
    /// ranked, are `ranked` (`ranked_trigrams`), in the list's order:
    /// exactly what `calculate_distance` computes.
    pub(crate) fn distances(list: LangProfileList, ranked: &[u64]) -> Vec<u32> {
        // Every profile trigram missing from the text costs the maximum;
        // each one found costs its rank difference instead.
        let mut totals: Vec<i64> = list
            .iter()
            .map(|(_, p)| p.len() as i64 * i64::from(MAX_TRIGRAM_DISTANCE))
            .collect();
        let Some(index) = index_of(list) else {
            // A list this module does not know: whatlang's own way.
            let positions: HashMap<Trigram, u32> = ranked
                .iter()
                .enumerate()
                .map(|(n, &key)| (super::super::utils::trigram_of(key), n as u32))
                .collect();
            return list
                .iter()
                .map(|(_, profile)| calculate_distance(profile, &positions))
                .collect();
        };
        for (n, key) in ranked.iter().enumerate() {
            if let Some(&(start, end)) = index.spans.get(key) {
                for &(li, rank) in &index.entries[start as usize..end as usize] {
                    let dist = (n as i64 - i64::from(rank)).abs();
                    totals[li as usize] += dist - i64::from(MAX_TRIGRAM_DISTANCE);
                }
            }
        }
        let count = ranked.len() as u32;
        totals
            .into_iter()
            .map(|t| {
                let mut total_dist = t as u32;
                if MAX_TRIGRAM_DISTANCE > count {
                    let delta = MAX_TRIGRAM_DISTANCE - count;
                    total_dist -= delta * MAX_TRIGRAM_DISTANCE;
                }
                total_dist.clamp(0, MAX_TOTAL_DISTANCE)
            })
            .collect()
    }
}

/// thresh: the distances both ways, for a differential test.
#[cfg(feature = "dev")]
pub fn distances_both(text: &str) -> Vec<(Lang, u32, u32)> {
    use super::utils::{TrigramsWithPositions, get_trigrams_with_positions};
    let lowercase = Text::new(text);
    let TrigramsWithPositions {
        trigram_positions, ..
    } = get_trigrams_with_positions(&lowercase.lowercase());
    let ranked = ranked_trigrams(&lowercase.lowercase());
    let mut out = Vec::new();
    for list in [
        LATIN_LANGS,
        CYRILLIC_LANGS,
        ARABIC_LANGS,
        DEVANAGARI_LANGS,
        HEBREW_LANGS,
    ] {
        let fast = inverted::distances(list, &ranked);
        for (&(lang, profile), fast) in list.iter().zip(fast) {
            out.push((lang, calculate_distance(profile, &trigram_positions), fast));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_when_german_is_given() {
        let text = "Die Ordnung muss für immer in diesem Codebase bleiben";
        let iq = InternalQuery {
            text: Text::new(text),
            filter_list: &FilterList::default(),
            multi_lang_script: MultiLangScript::Latin,
        };
        let raw_outcome = raw_detect(&iq);

        assert_eq!(raw_outcome.trigrams_count, 50);

        let &(first_lang, first_score) = raw_outcome.scores.first().unwrap();
        let &(_last_lang, last_score) = raw_outcome.scores.last().unwrap();

        assert_eq!(first_lang, Lang::Deu);

        assert!(first_score >= 0.0);
        assert!(first_score <= 1.0);

        assert!(last_score >= 0.0);
        assert!(last_score <= 1.0);
    }
}
