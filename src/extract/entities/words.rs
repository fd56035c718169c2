//! Word classes (`data/words.tsv`): the words around a name that tell what it
//! is. They are found in the same pass over a sentence's words as the
//! dictionary's names, triggers and cues (`Index::scan`, `Scan::classes`).

use crate::dict::{lowercase, DictError, Source};

/// What a word or phrase of `data/words.tsv` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A title or role next to a person's name.
    Title,
    /// The head word of an organisation's name.
    OrgHead,
    /// The head word of a news outlet's name.
    AgencyHead,
    /// A noun for a group or party to a conflict.
    Group,
    /// A noun for a kind of place.
    PlaceNoun,
    /// A lower-case word inside a name.
    Particle,
    /// A capitalised word that is no name.
    NotName,
    /// A weekday or month name.
    Time,
    /// The head of a capitalised name that is a thing, not an actor.
    ThingHead,
    /// A preposition before a place.
    Locative,
    /// A word after which a name is what is talked about.
    Topic,
    /// A noun for people sent to talk for a state or party.
    Delegation,
    /// A pronoun that can stand for an actor.
    Pronoun,
    /// Another name of a dictionary role ("top diplomat" → foreign minister).
    RoleAlias,
    /// A noun after a region's name that makes its people a party ("Tigray leaders").
    Party,
    /// A phrase that brings in a participant or a travelling companion.
    Joins,
    /// A word that tells when something ends ("due to end on ...").
    Ending,
    /// A lower-case word naming people by their side ("rebel negotiators").
    Side,
    /// A word a title carries that the role it names does not ("acting").
    TitleModifier,
    /// A noun that heads a description of a speaker ("a source", "the ministry").
    SpeakerNoun,
    /// A noun for a text that an actor issues and that then "says" ("the statement").
    Issued,
    /// A noun that heads a description of people met who go unnamed ("Gulf diplomats").
    Counterpart,
    /// A noun for a running count of deaths ("the death toll").
    TollNoun,
    /// The last word before a count a toll noun governs ("has passed", "stands at").
    TollVerb,
    /// A hedge or adverb between such a word and its count ("nearly", "more than").
    Hedge,
    /// A death verb that takes a bare count as object ("killed 43").
    KillingVerb,
    /// A noun for a place or part of one that an "of" phrase names ("the outskirts of X").
    Area,
    /// A noun for an attack that an "of" or "on" phrase places ("strikes on X").
    AttackNoun,
    /// A noun after a place that makes it the place of a counting source ("X officials").
    Authority,
    /// A noun after a nationality that makes it the attacker's ("X air strikes").
    Attacker,
    /// A word between a preposition and its place ("in central X").
    PlaceModifier,
    /// A talks word that is also an adjective ("bilateral").
    TalksAdjective,
    /// A noun for a room or building a talks word may qualify ("conference hall").
    VenueNoun,
    /// A verb of taking part before "the" and a talks word ("attended the talks").
    Attend,
    /// A verb before "the" and an event word whose object the event is, and
    /// whose date a date after the object gives ("announcing the visit on
    /// Friday", "committed to the talks earlier this month").
    Announce,
    /// A noun after a place name that makes it a region ("X province").
    RegionNoun,
    /// A word that makes a meeting with several counterparts one with each ("separately").
    Apart,
    /// A plural noun that counts occasions ("rounds of talks", "meetings"):
    /// talks of it in two cities joined by "and" are a meeting in each.
    Occasion,
    /// A word that, after a comma, opens a phrase of another occasion before
    /// or after the one just told ("met X, after holding talks with Y").
    Sequence,
    /// A word between "with" and a description that is no part of it ("a number of").
    Quantifier,
    /// An adverb or auxiliary between a speaker and the speech verb ("X also said").
    BeforeVerb,
    /// A word after which a speech verb's -s form is a plural noun ("member states").
    PluralBefore,
    /// A word after which a speech verb's -ed form is an adjective ("despite renewed calls").
    AdjectiveBefore,
    /// A verb that reports another's speech ("AGENCY quoted X as saying").
    ReportingVerb,
    /// The head noun of a group that travels ("a Saudi delegation").
    VisitingGroup,
    /// What "in X for ..." must name for a stay to be a visit ("for talks").
    StayPurpose,
    /// A verb of departure: it travels to the place "for" gives ("left for X").
    Departure,
    /// A word between described travellers and their verb ("have arrived", "are expected to travel").
    TravelAuxiliary,
    /// A determiner: a "to" before one is a preposition ("came to the talks").
    Determiner,
    /// A participle of living or serving somewhere ("residing in X").
    Residing,
    /// A verb after a capital that makes it its country's government acting
    /// ("Moscow said", "Riyadh has", "Ankara vetoed").
    ActingVerb,
    /// A noun for the fighting an article reports ("the war in X", "X's
    /// conflict"): the country it names is where the article's tolls are.
    Conflict,
    /// A plural noun for the two parties to a dispute or talks ("both sides",
    /// "the two parties"): the pair the article set against each other.
    SidesNoun,
    /// An adjective that makes a plural the sides of a conflict with no
    /// count given ("the warring parties", "rival factions", "warring
    /// rivals"): the pair the article set against each other.
    SidesAdjective,
    /// A word or phrase that says a meeting has begun or is going on
    /// ("began their meeting", "the start of the talks", "talks went into a
    /// second day"): the meeting planned before took place.
    Onset,
    /// A speech verb that also takes a thing as its object ("concluded a
    /// visit", "responded with force"): then it says nothing.
    ObjectVerb,
    /// A speech verb that, with "to", "on" or "upon" after it, agrees to an
    /// act or a thing ("agreed to hold talks", "agreed on a truce"): then it
    /// says nothing.
    AccordVerb,
    /// A word after an `AccordVerb` that makes it an agreement to an act or
    /// on a thing ("to", "on", "for"), or a passive's agent ("agreed by a
    /// commission"): then the verb says nothing.
    AccordAfter,
    /// A speech verb's participle that, passive with its agent after "by",
    /// names a thing done or given ("the deal was proposed by X", "troops
    /// pledged by Y"): then the agent does not speak.
    DeedParticiple,
    /// A noun for what one carries to another in person ("carried a
    /// message to X", "delivered the invitation to X"): the carrying is a meeting.
    Message,
    /// A participle of moving a meeting to another day ("has been moved to
    /// April 27", "was postponed until Monday"): the date after its "to" is
    /// the meeting's new day, still ahead.
    Reschedule,
    /// A finite auxiliary that opens a clause's verb ("will", "are", "has"):
    /// the verb of the clause a talks noun heads starts there.
    Auxiliary,
    /// A word before a verb that leaves its act unasserted: a modal, "to" or
    /// a negation ("are due to start", "may begin", "has not begun").
    Unasserted,
    /// A verb of bringing others to meet, after "to" ("efforts by X to
    /// broker an encounter"): who makes the effort is no participant.
    Broker,
    /// A word spelt as a participle that opens no clause of another noun: a
    /// preposition ("during", "following") or a verb of the meeting's own
    /// span or making ("talks in Doha starting on Monday", "hosted by X").
    OwnParticiple,
    /// A general noun for a person by what they do, which titles of some
    /// kinds make one ("the diplomat" is an ambassador or an envoy).
    TitleKind,
    /// A word of a clause that says no more than that an event is held
    /// ("which will be held", "that are scheduled to take place").
    Holding,
    /// A word that says nothing of what a statement is about: merging
    /// leaves it out of a statement's content terms (`merge::terms`).
    StopWord,
    /// A finite verb of departure (a `departure` row of value `finite`:
    /// "left", "departs"), no class of its own in the file: a place right
    /// after it is the place left ("as he left Kenya").
    FiniteDeparture,
    /// A holding word that says the event is held or scheduled ("held",
    /// "take place", "scheduled"; a `holding` row of value `held` or
    /// `reduced`), no class of its own in the file.
    HoldingHeld,
    /// A participle of holding that opens a reduced relative clause after a
    /// comma ("the talks, scheduled for July 25, ..."; a `holding` row of
    /// value `reduced`), no class of its own in the file.
    ReducedHolding,
    /// A phrase in a toll's sentence that makes its count a running total,
    /// dated to publication ("has killed", "has risen", "so far").
    RunningTotal,
    // A class added after this one moves the bound check in dictionary.rs
    // (each class needs a bit of `WordIndex::class_bits`) to itself.
}

impl Class {
    /// A class a rule looks up for a word it reads (`Index::is_word_of`) or
    /// goes through (`Index::words_of`), never searched for in sentences: a
    /// sentence's scan leaves its rows out.
    pub fn looked_up(self) -> bool {
        matches!(
            self,
            Class::TollNoun
                | Class::TollVerb
                | Class::Hedge
                | Class::KillingVerb
                | Class::Area
                | Class::AttackNoun
                | Class::Authority
                | Class::Attacker
                | Class::PlaceModifier
                | Class::TalksAdjective
                | Class::VenueNoun
                | Class::Attend
                | Class::Announce
                | Class::RegionNoun
                | Class::Apart
                | Class::Occasion
                | Class::Sequence
                | Class::Quantifier
                | Class::BeforeVerb
                | Class::PluralBefore
                | Class::AdjectiveBefore
                | Class::ReportingVerb
                | Class::VisitingGroup
                | Class::StayPurpose
                | Class::Departure
                | Class::TravelAuxiliary
                | Class::Determiner
                | Class::Residing
                | Class::ActingVerb
                | Class::Conflict
                | Class::SidesNoun
                | Class::SidesAdjective
                | Class::Onset
                | Class::ObjectVerb
                | Class::AccordVerb
                | Class::AccordAfter
                | Class::DeedParticiple
                | Class::Message
                | Class::Reschedule
                | Class::Auxiliary
                | Class::Unasserted
                | Class::Broker
                | Class::OwnParticiple
                | Class::TitleKind
                | Class::Holding
                | Class::StopWord
                | Class::FiniteDeparture
                | Class::HoldingHeld
                | Class::ReducedHolding
                | Class::RunningTotal
        )
    }
}

impl Class {
    /// A looked-up class whose rows are single words (`Index::is_word_of`
    /// looks up one word).
    pub fn one_word(self) -> bool {
        self.looked_up()
            && !matches!(
                self,
                Class::Attend | Class::Announce | Class::StayPurpose | Class::Onset | Class::RunningTotal
            )
    }
}

/// A person's gender, as a title, a pronoun or a given name tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PronounKind {
    Person(Gender),
    /// "it", "they": an organisation, a group, a government.
    Body,
}

/// A class with the value its row gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    Title(Option<Gender>),
    OrgHead,
    AgencyHead,
    Group,
    /// Where the place stands: before the noun ("X province"), after it ("the town of X").
    PlaceNoun {
        name_before: bool,
        name_after: bool,
    },
    Particle,
    /// `org`: a word that starts no name alone but may open an organisation's
    /// ("Southern" in "Southern Transitional Council").
    NotName {
        org: bool,
    },
    Time,
    ThingHead,
    /// `motion`: where someone goes ("to X"), else where something is ("in X").
    Locative {
        motion: bool,
    },
    Topic,
    Delegation,
    Pronoun(PronounKind),
    /// The role, by its place in `role_titles` of the parsed rows.
    RoleAlias(u16),
    Party,
    /// `companion`: travels with the visitor ("along with X"); else takes
    /// part in the meeting named before ("a meeting that included X").
    Joins {
        companion: bool,
    },
    Ending,
    /// `alone`: the word names the side on its own too ("the junta").
    Side {
        alone: bool,
    },
    TitleModifier,
    SpeakerNoun,
    Issued,
    Counterpart,
    TollNoun,
    TollVerb,
    Hedge,
    KillingVerb,
    Area,
    AttackNoun,
    Authority,
    Attacker,
    PlaceModifier,
    TalksAdjective,
    VenueNoun,
    Attend,
    Announce,
    RegionNoun,
    Apart,
    Occasion,
    Sequence,
    Quantifier,
    BeforeVerb,
    PluralBefore,
    AdjectiveBefore,
    ReportingVerb,
    VisitingGroup,
    StayPurpose,
    /// `finite`: a finite form ("left", "departs"), also of `Class::FiniteDeparture`.
    Departure {
        finite: bool,
    },
    TravelAuxiliary,
    Determiner,
    Residing,
    ActingVerb,
    Conflict,
    SidesNoun,
    SidesAdjective,
    Onset,
    ObjectVerb,
    AccordVerb,
    AccordAfter,
    DeedParticiple,
    Message,
    Reschedule,
    Auxiliary,
    Unasserted,
    Broker,
    OwnParticiple,
    TitleKind,
    /// `held`: it says the event is held (also of `Class::HoldingHeld`);
    /// `reduced`: it opens a reduced relative clause too (also of
    /// `Class::ReducedHolding`, and held).
    Holding {
        held: bool,
        reduced: bool,
    },
    StopWord,
    RunningTotal,
}

impl WordClass {
    pub fn class(self) -> Class {
        match self {
            WordClass::Title(_) => Class::Title,
            WordClass::OrgHead => Class::OrgHead,
            WordClass::AgencyHead => Class::AgencyHead,
            WordClass::Group => Class::Group,
            WordClass::PlaceNoun { .. } => Class::PlaceNoun,
            WordClass::Particle => Class::Particle,
            WordClass::NotName { .. } => Class::NotName,
            WordClass::Time => Class::Time,
            WordClass::ThingHead => Class::ThingHead,
            WordClass::Locative { .. } => Class::Locative,
            WordClass::Topic => Class::Topic,
            WordClass::Delegation => Class::Delegation,
            WordClass::Pronoun(_) => Class::Pronoun,
            WordClass::RoleAlias(_) => Class::RoleAlias,
            WordClass::Party => Class::Party,
            WordClass::Joins { .. } => Class::Joins,
            WordClass::Ending => Class::Ending,
            WordClass::Side { .. } => Class::Side,
            WordClass::TitleModifier => Class::TitleModifier,
            WordClass::SpeakerNoun => Class::SpeakerNoun,
            WordClass::Issued => Class::Issued,
            WordClass::Counterpart => Class::Counterpart,
            WordClass::TollNoun => Class::TollNoun,
            WordClass::TollVerb => Class::TollVerb,
            WordClass::Hedge => Class::Hedge,
            WordClass::KillingVerb => Class::KillingVerb,
            WordClass::Area => Class::Area,
            WordClass::AttackNoun => Class::AttackNoun,
            WordClass::Authority => Class::Authority,
            WordClass::Attacker => Class::Attacker,
            WordClass::PlaceModifier => Class::PlaceModifier,
            WordClass::TalksAdjective => Class::TalksAdjective,
            WordClass::VenueNoun => Class::VenueNoun,
            WordClass::Attend => Class::Attend,
            WordClass::Announce => Class::Announce,
            WordClass::RegionNoun => Class::RegionNoun,
            WordClass::Apart => Class::Apart,
            WordClass::Occasion => Class::Occasion,
            WordClass::Sequence => Class::Sequence,
            WordClass::Quantifier => Class::Quantifier,
            WordClass::BeforeVerb => Class::BeforeVerb,
            WordClass::PluralBefore => Class::PluralBefore,
            WordClass::AdjectiveBefore => Class::AdjectiveBefore,
            WordClass::ReportingVerb => Class::ReportingVerb,
            WordClass::VisitingGroup => Class::VisitingGroup,
            WordClass::StayPurpose => Class::StayPurpose,
            WordClass::Departure { .. } => Class::Departure,
            WordClass::TravelAuxiliary => Class::TravelAuxiliary,
            WordClass::Determiner => Class::Determiner,
            WordClass::Residing => Class::Residing,
            WordClass::ActingVerb => Class::ActingVerb,
            WordClass::Conflict => Class::Conflict,
            WordClass::SidesNoun => Class::SidesNoun,
            WordClass::SidesAdjective => Class::SidesAdjective,
            WordClass::Onset => Class::Onset,
            WordClass::ObjectVerb => Class::ObjectVerb,
            WordClass::AccordVerb => Class::AccordVerb,
            WordClass::AccordAfter => Class::AccordAfter,
            WordClass::DeedParticiple => Class::DeedParticiple,
            WordClass::Message => Class::Message,
            WordClass::Reschedule => Class::Reschedule,
            WordClass::Auxiliary => Class::Auxiliary,
            WordClass::Unasserted => Class::Unasserted,
            WordClass::Broker => Class::Broker,
            WordClass::OwnParticiple => Class::OwnParticiple,
            WordClass::TitleKind => Class::TitleKind,
            WordClass::Holding { .. } => Class::Holding,
            WordClass::StopWord => Class::StopWord,
            WordClass::RunningTotal => Class::RunningTotal,
        }
    }
}

impl WordClass {
    /// The bits of `WordIndex::class_bits` a row sets: its class's, and
    /// those of the classes its value names (`departure` finite, `holding`
    /// held or reduced), which have no rows of their own.
    pub fn bits(self) -> u128 {
        let bit = |c: Class| 1u128 << c as u32;
        bit(self.class())
            | match self {
                WordClass::Departure { finite: true } => bit(Class::FiniteDeparture),
                WordClass::Holding { held, reduced } => {
                    (u128::from(held) * bit(Class::HoldingHeld)) | (u128::from(reduced) * bit(Class::ReducedHolding))
                }
                _ => 0,
            }
    }
}

/// The classes of one phrase (a word can be a title and a group noun...).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassSet([Option<WordClass>; 4]);

impl ClassSet {
    pub fn push(&mut self, c: WordClass) {
        if let Some(slot) = self.0.iter_mut().find(|s| s.is_none()) {
            *slot = Some(c);
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = WordClass> + '_ {
        self.0.iter().flatten().copied()
    }
}

/// One row of `data/words.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassedWord {
    /// Lower case.
    pub phrase: String,
    pub class: WordClass,
    /// For a `role_alias`: the dictionary role it names ("foreign minister");
    /// for a `title_kind`: its titles, separated by '|'.
    pub role: Option<String>,
}

/// Parses `data/words.tsv` and any user file layered on it. A later row for a
/// phrase and class already known replaces it.
pub fn parse(sources: &[Source]) -> Result<Vec<ClassedWord>, DictError> {
    // Rows in order, a replaced one left empty; where each (phrase, class)
    // is. Removing the replaced row from a vector at each row read all the
    // rows before it (2.7 M instructions of every start for 800 rows).
    let mut out: Vec<Option<ClassedWord>> = Vec::new();
    let mut position: foldhash::HashMap<(String, Class), usize> = foldhash::HashMap::default();
    for src in sources {
        for (line, f) in src.rows() {
            let class = src.field(line, &f, 0, "class")?;
            let phrase = lowercase(src.field(line, &f, 1, "phrase")?);
            let value = f.get(2).copied().unwrap_or("-").trim();
            let bad =
                |expected: &str| src.error(line, format!("bad value '{value}' for {class} (expected {expected})"));
            let gender = |v: &str| match v {
                "m" => Ok(Some(Gender::Male)),
                "f" => Ok(Some(Gender::Female)),
                "-" | "" => Ok(None),
                _ => Err(bad("m, f or -")),
            };
            let parsed = match class {
                "title" => WordClass::Title(gender(value)?),
                "org_head" => WordClass::OrgHead,
                "agency_head" => WordClass::AgencyHead,
                "group" => WordClass::Group,
                "place_noun" => match value {
                    "before" => WordClass::PlaceNoun { name_before: false, name_after: true },
                    "after" => WordClass::PlaceNoun { name_before: true, name_after: false },
                    "both" => WordClass::PlaceNoun { name_before: true, name_after: true },
                    _ => return Err(bad("before, after or both")),
                },
                "particle" => WordClass::Particle,
                "not_name" => match value {
                    "org" => WordClass::NotName { org: true },
                    "-" | "" => WordClass::NotName { org: false },
                    _ => return Err(bad("org or -")),
                },
                "time" => WordClass::Time,
                "thing_head" => WordClass::ThingHead,
                "locative" => match value {
                    "place" => WordClass::Locative { motion: false },
                    "motion" => WordClass::Locative { motion: true },
                    _ => return Err(bad("place or motion")),
                },
                "topic" => WordClass::Topic,
                "delegation" => WordClass::Delegation,
                "role_alias" => {
                    if value.is_empty() || value == "-" {
                        return Err(bad("a role title of data/actors.tsv"));
                    }
                    WordClass::RoleAlias(0)
                }
                "party" => WordClass::Party,
                "joins" => match value {
                    "participant" => WordClass::Joins { companion: false },
                    "companion" => WordClass::Joins { companion: true },
                    _ => return Err(bad("participant or companion")),
                },
                "ending" => WordClass::Ending,
                "side" => match value {
                    "alone" => WordClass::Side { alone: true },
                    "-" | "" => WordClass::Side { alone: false },
                    _ => return Err(bad("alone or -")),
                },
                "title_modifier" => WordClass::TitleModifier,
                "speaker_noun" => WordClass::SpeakerNoun,
                "issued" => WordClass::Issued,
                "counterpart" => WordClass::Counterpart,
                "toll_noun" => WordClass::TollNoun,
                "toll_verb" => WordClass::TollVerb,
                "hedge" => WordClass::Hedge,
                "killing_verb" => WordClass::KillingVerb,
                "area" => WordClass::Area,
                "attack_noun" => WordClass::AttackNoun,
                "authority" => WordClass::Authority,
                "attacker" => WordClass::Attacker,
                "place_modifier" => WordClass::PlaceModifier,
                "talks_adjective" => WordClass::TalksAdjective,
                "venue_noun" => WordClass::VenueNoun,
                "attend" => WordClass::Attend,
                "announce" => WordClass::Announce,
                "region_noun" => WordClass::RegionNoun,
                "apart" => WordClass::Apart,
                "occasion" => WordClass::Occasion,
                "sequence" => WordClass::Sequence,
                "quantifier" => WordClass::Quantifier,
                "before_verb" => WordClass::BeforeVerb,
                "plural_before" => WordClass::PluralBefore,
                "adjective_before" => WordClass::AdjectiveBefore,
                "reporting_verb" => WordClass::ReportingVerb,
                "visiting_group" => WordClass::VisitingGroup,
                "stay_purpose" => WordClass::StayPurpose,
                "departure" => match value {
                    "finite" => WordClass::Departure { finite: true },
                    "-" | "" => WordClass::Departure { finite: false },
                    _ => return Err(bad("finite or -")),
                },
                "holding" => match value {
                    "held" => WordClass::Holding { held: true, reduced: false },
                    "reduced" => WordClass::Holding { held: true, reduced: true },
                    "-" | "" => WordClass::Holding { held: false, reduced: false },
                    _ => return Err(bad("held, reduced or -")),
                },
                "stopword" => WordClass::StopWord,
                "running_total" => WordClass::RunningTotal,
                "travel_auxiliary" => WordClass::TravelAuxiliary,
                "determiner" => WordClass::Determiner,
                "residing" => WordClass::Residing,
                "acting_verb" => WordClass::ActingVerb,
                "conflict" => WordClass::Conflict,
                "sides_noun" => WordClass::SidesNoun,
                "sides_adjective" => WordClass::SidesAdjective,
                "onset" => WordClass::Onset,
                "object_verb" => WordClass::ObjectVerb,
                "accord_verb" => WordClass::AccordVerb,
                "accord_after" => WordClass::AccordAfter,
                "deed_participle" => WordClass::DeedParticiple,
                "message" => WordClass::Message,
                "reschedule" => WordClass::Reschedule,
                "auxiliary" => WordClass::Auxiliary,
                "unasserted" => WordClass::Unasserted,
                "broker" => WordClass::Broker,
                "own_participle" => WordClass::OwnParticiple,
                "title_kind" => {
                    if value.is_empty() || value == "-" {
                        return Err(bad("titles separated by '|'"));
                    }
                    WordClass::TitleKind
                }
                "pronoun" => match value {
                    "m" => WordClass::Pronoun(PronounKind::Person(Gender::Male)),
                    "f" => WordClass::Pronoun(PronounKind::Person(Gender::Female)),
                    "o" => WordClass::Pronoun(PronounKind::Body),
                    _ => return Err(bad("m, f or o")),
                },
                other => {
                    return Err(src.error(
                        line,
                        format!(
                            "unknown class '{other}' (expected title, org_head, agency_head, group, place_noun, \
                             particle, not_name, time, thing_head, locative, topic, delegation, pronoun, \
                             role_alias, party, joins, ending, side, title_modifier, speaker_noun, issued, counterpart, \
                             toll_noun, toll_verb, hedge, killing_verb, area, attack_noun, authority, attacker, place_modifier, \
                             talks_adjective, venue_noun, attend, region_noun, apart, occasion, sequence, quantifier, \
                             before_verb, plural_before, adjective_before, reporting_verb, \
                             visiting_group, stay_purpose, departure, travel_auxiliary, determiner, residing, \
                             acting_verb, conflict, sides_noun, sides_adjective, onset, object_verb, message, reschedule, \
                             auxiliary, unasserted, broker, announce, accord_verb, accord_after, deed_participle, own_participle, \
                             title_kind, holding, stopword or running_total)"
                        ),
                    ))
                }
            };
            if parsed.class().one_word() && phrase.contains(char::is_whitespace) {
                return Err(src.error(line, format!("'{phrase}': a {class} row is one word")));
            }
            if let Some(replaced) = position.insert((phrase.clone(), parsed.class()), out.len()) {
                out[replaced] = None;
            }
            let role = matches!(parsed, WordClass::RoleAlias(_) | WordClass::TitleKind).then(|| lowercase(value));
            out.push(Some(ClassedWord { phrase, class: parsed, role }));
        }
    }
    let mut out: Vec<ClassedWord> = out.into_iter().flatten().collect();
    // Number the role aliases by row, so that a match finds its role.
    for (i, w) in out.iter_mut().enumerate() {
        if let WordClass::RoleAlias(n) = &mut w.class {
            *n = i as u16;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::new("words.tsv", text)
    }

    #[test]
    fn rows_parse_with_their_values() {
        let w = parse(&[src("title\tspokeswoman\tf\nplace_noun\tprovince\tafter\nlocative\tto\tmotion\n")]).unwrap();
        assert_eq!(w[0].class, WordClass::Title(Some(Gender::Female)));
        assert_eq!(w[1].class, WordClass::PlaceNoun { name_before: true, name_after: false });
        assert_eq!(w[2].class, WordClass::Locative { motion: true });
    }

    #[test]
    fn a_later_row_replaces_the_same_phrase_and_class() {
        let w = parse(&[src("title\tenvoy\t-\n"), src("title\tenvoy\tm\norg_head\tenvoy\t-\n")]).unwrap();
        assert_eq!(w.len(), 2);
        assert!(w.contains(&ClassedWord {
            phrase: "envoy".into(),
            class: WordClass::Title(Some(Gender::Male)),
            role: None
        }));
    }

    #[test]
    fn a_bad_row_names_its_file_and_line() {
        let e = parse(&[src("# comment\ntitle\tking\tq\n")]).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("words.tsv", 2));
        let e = parse(&[src("colour\tred\t-\n")]).unwrap_err();
        assert!(e.message.contains("unknown class"), "{e}");
    }

    #[test]
    fn a_looked_up_class_row_is_one_word_but_for_phrase_classes() {
        let e = parse(&[src("toll_verb\tclimbed to\t-\n")]).unwrap_err();
        assert!(e.message.contains("one word"), "{e}");
        let w = parse(&[src("attend\ttake part in\t-\ntoll_verb\tneared\t-\n")]).unwrap();
        assert_eq!((w[0].class, w[1].class), (WordClass::Attend, WordClass::TollVerb));
        assert!(w[1].class.class().looked_up() && !Class::Title.looked_up());
    }

    #[test]
    fn the_builtin_file_parses() {
        let w = parse(&[Source::new("data/words.tsv", include_str!("../../../data/words.tsv"))]).unwrap();
        assert!(w.iter().any(|w| w.phrase == "spokeswoman" && w.class == WordClass::Title(Some(Gender::Female))));
    }
}
