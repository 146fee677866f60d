//! Built-in word lists for human-looking demo names: people, companies, job titles and
//! interaction summaries. Every domain and phone number is fictional (`.example`, 555).

use super::rng::DemoRng;
use crate::model::{Influence, InteractionKind};

const FIRST_NAMES: &[&str] = &[
    "Anna", "Lukas", "Sofia", "Jonas", "Emma", "Noah", "Mia", "Elias", "Lea", "Finn", "Clara", "Ben", "Julia", "Paul",
    "Laura", "Felix", "Sara", "Max", "Nina", "David", "Eva", "Tom", "Ines", "Pieter", "Femke", "Sander", "Lotte",
    "Bram", "Sanne", "Daan", "Ingrid", "Erik", "Astrid", "Nils", "Freya", "Lars", "Maja", "Olav", "Carmen", "Javier",
    "Lucia", "Pablo", "Marta", "Diego", "Giulia", "Marco", "Chiara", "Luca", "Oliver", "Amelia", "Harry", "Grace",
    "George", "Isla", "James", "Emily", "Michael", "Olivia", "Daniel", "Hannah", "Samuel", "Chloe", "Ethan", "Zoe",
    "Aisha", "Omar", "Priya", "Ravi", "Mei", "Kenji",
];

const LAST_NAMES: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schulz",
    "Koch",
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Peeters",
    "Janssens",
    "Maes",
    "Lindqvist",
    "Johansson",
    "Andersson",
    "Nilsson",
    "Hansen",
    "Larsen",
    "Nielsen",
    "Berg",
    "Haugen",
    "García",
    "Fernández",
    "López",
    "Martínez",
    "Sánchez",
    "Romero",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Costa",
    "Silva",
    "Santos",
    "Oliveira",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Evans",
    "Murphy",
    "O'Brien",
    "Kelly",
    "Walsh",
    "Johnson",
    "Miller",
    "Davis",
    "Clarke",
    "Patel",
    "Khan",
    "Novak",
    "Kowalski",
    "Dubois",
    "Laurent",
    "Moreau",
    "Lefèvre",
];

const COMPANY_ROOTS: &[&str] = &[
    "Halvorsen",
    "Brightwater",
    "Nordlicht",
    "Vandermeer",
    "Castellano",
    "Oakridge",
    "Silverline",
    "Bergmann",
    "Rotterdam",
    "Alpenglanz",
    "Fjordvik",
    "Meridian",
    "Lighthouse",
    "Stonebridge",
    "Greenfield",
    "Bluepeak",
    "Kestrel",
    "Harbourside",
    "Ironwood",
    "Riverbend",
    "Solano",
    "Tramontana",
    "Westerhout",
    "Elmstead",
    "Falkenberg",
    "Sunderland",
    "Aurora",
    "Polaris",
    "Corvina",
    "Linden",
    "Maple & Finch",
    "Northgate",
    "Hollander",
    "Amberley",
    "Redcliffe",
    "Seaview",
    "Ventura",
    "Kronborg",
    "Lindholm",
    "Marisol",
    "Ostara",
    "Pinecrest",
    "Quayside",
    "Ravensworth",
    "Sterling",
    "Thornbury",
    "Upland",
    "Valmont",
    "Windmill",
    "Zeeland",
    "Birchwood",
    "Copperfield",
    "Drumlin",
    "Edelweiss",
    "Fairhaven",
    "Goldcrest",
    "Heathrow",
    "Ivybridge",
    "Juniper",
    "Kingsbury",
];

const INDUSTRIES: &[&str] = &[
    "Logistics",
    "Foods",
    "Engineering",
    "Capital",
    "Pharma",
    "Retail",
    "Energy",
    "Software",
    "Textiles",
    "Construction",
    "Maritime",
    "Hospitality",
    "Insurance",
    "Packaging",
    "Automotive",
    "Health",
    "Media",
    "Chemicals",
    "Agritech",
    "Consulting",
    "Instruments",
    "Furniture",
    "Telecom",
    "Aerospace",
];

/// A region of the demo firm: its name, how common it is, its currency and its company forms.
pub(crate) struct RegionProfile {
    pub name: &'static str,
    pub weight: f64,
    pub currency: &'static str,
    pub legal_forms: &'static [&'static str],
    pub phone_prefix: &'static str,
}

pub(crate) const REGIONS: &[RegionProfile] = &[
    RegionProfile {
        name: "Benelux",
        weight: 22.0,
        currency: "EUR",
        legal_forms: &["B.V.", "N.V.", "BV"],
        phone_prefix: "+31 20 555",
    },
    RegionProfile {
        name: "UK & Ireland",
        weight: 14.0,
        currency: "GBP",
        legal_forms: &["Ltd", "plc", "Ltd"],
        phone_prefix: "+44 20 7946",
    },
    RegionProfile {
        name: "DACH",
        weight: 24.0,
        currency: "EUR",
        legal_forms: &["GmbH", "AG", "GmbH & Co. KG"],
        phone_prefix: "+49 30 555",
    },
    RegionProfile {
        name: "Nordics",
        weight: 14.0,
        currency: "EUR",
        legal_forms: &["AB", "AS", "Oy"],
        phone_prefix: "+46 8 555",
    },
    RegionProfile {
        name: "Southern Europe",
        weight: 16.0,
        currency: "EUR",
        legal_forms: &["S.A.", "S.p.A.", "S.L."],
        phone_prefix: "+34 91 555",
    },
    RegionProfile {
        name: "North America",
        weight: 10.0,
        currency: "USD",
        legal_forms: &["Inc.", "LLC", "Corp."],
        phone_prefix: "+1 212 555",
    },
];

pub(crate) fn first_name(rng: &mut DemoRng) -> &'static str {
    rng.pick(FIRST_NAMES).copied().unwrap_or("Alex")
}

pub(crate) fn last_name(rng: &mut DemoRng) -> &'static str {
    rng.pick(LAST_NAMES).copied().unwrap_or("Smith")
}

/// A company's name and its fictional mail domain.
pub(crate) struct Company {
    /// "Halvorsen Logistics B.V."
    pub name: String,
    /// "halvorsen-logistics.example"
    pub domain: String,
}

pub(crate) fn company(rng: &mut DemoRng, region: &RegionProfile) -> Company {
    let root = rng.pick(COMPANY_ROOTS).copied().unwrap_or("Meridian");
    let industry = rng.pick(INDUSTRIES).copied().unwrap_or("Trading");
    let legal_form = rng.pick(region.legal_forms).copied().unwrap_or("Ltd");
    Company {
        name: format!("{root} {industry} {legal_form}"),
        domain: format!("{}.example", slug(&format!("{root} {industry}"), '-')),
    }
}

/// The lower-case ASCII form of `text` for e-mail addresses, words joined by `separator`:
/// "Maple & Finch" → "maple-finch", "Müller" → "muller".
pub(crate) fn slug(text: &str, separator: char) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_separator = false;
    for character in text.chars() {
        let folded = match character {
            'ä' | 'á' | 'à' | 'å' | 'â' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'ï' => 'i',
            'ö' | 'ó' | 'ò' | 'ø' | 'ô' => 'o',
            'ü' | 'ú' | 'ù' => 'u',
            'ñ' => 'n',
            other => other.to_ascii_lowercase(),
        };
        if folded.is_ascii_alphanumeric() {
            if pending_separator && !slug.is_empty() {
                slug.push(separator);
            }
            pending_separator = false;
            slug.push(folded);
        } else if folded.is_whitespace() || folded == '-' || folded == '&' {
            pending_separator = true;
        }
    }
    slug
}

/// A fictional phone number in the region's format.
pub(crate) fn phone(rng: &mut DemoRng, region: &RegionProfile) -> String {
    format!("{} {:04}", region.phone_prefix, rng.below(10_000))
}

pub(crate) fn job_title(rng: &mut DemoRng, influence: Influence) -> &'static str {
    let titles: &[&str] = match influence {
        Influence::DecisionMaker => {
            &["Chief Executive Officer", "Chief Financial Officer", "Managing Director", "Head of Procurement"]
        }
        Influence::Champion => &["Head of Operations", "Finance Director", "Director of Supply Chain", "Head of IT"],
        Influence::Influencer => &["Senior Buyer", "Operations Manager", "Controller", "Project Lead"],
        Influence::User => &["Accounts Payable Clerk", "Office Manager", "Analyst", "Team Assistant"],
        Influence::Other => &["Legal Counsel", "Executive Assistant", "Board Member"],
    };
    rng.pick(titles).copied().unwrap_or("Manager")
}

/// A short summary of an interaction of `kind` (an organisation-attributed one reads as the
/// firm's gesture).
pub(crate) fn summary(rng: &mut DemoRng, kind: InteractionKind, on_behalf_of_organisation: bool) -> &'static str {
    let summaries: &[&str] = match (kind, on_behalf_of_organisation) {
        (InteractionKind::Meeting, _) => &[
            "Quarterly business review",
            "Renewal negotiation",
            "Strategy session on next year's volumes",
            "Introduced the wider account team",
            "Workshop on their expansion plans",
        ],
        (InteractionKind::Call, _) => &[
            "Check-in call",
            "Call about the open invoice",
            "Discussed the renewal terms",
            "Follow-up on last week's proposal",
            "Call about a change of contact person",
        ],
        (InteractionKind::Email, _) => &[
            "Sent the updated proposal",
            "Shared the quarterly report",
            "Answered questions on pricing",
            "Confirmed next meeting",
            "Sent meeting notes",
        ],
        (InteractionKind::Visit, _) => {
            &["Site visit at their headquarters", "Visited the new warehouse", "Lunch visit with the management team"]
        }
        (InteractionKind::Event, true) => &[
            "Client day: spring networking event",
            "Invited to the annual client dinner",
            "Client network round table",
            "Seminar on market outlook",
        ],
        (InteractionKind::Event, false) => &["Met at an industry conference", "Trade fair booth visit"],
        (InteractionKind::Gift, true) => &["Year-end gift from the firm", "Anniversary card and flowers from the firm"],
        (InteractionKind::Gift, false) => &["Personal thank-you gift", "Book sent after the workshop"],
        (InteractionKind::Complaint, _) => &[
            "Complaint about a late delivery",
            "Complaint about an incorrect invoice",
            "Complaint about slow response times",
            "Complaint about a change of contact person",
        ],
        (InteractionKind::Note, _) => &[
            "Internal note: budget cycle starts in autumn",
            "Internal note: new CFO joining next quarter",
            "Internal note: competitor approached them",
            "Internal note: prefers calls to e-mail",
        ],
    };
    rng.pick(summaries).copied().unwrap_or("Touchpoint")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_parts_are_plain_ascii() {
        assert_eq!(slug("Maple & Finch Foods", '-'), "maple-finch-foods");
        assert_eq!(slug("Anna de Vries", '.'), "anna.de.vries");
        assert_eq!(slug("Müller O'Brien", '.'), "muller.obrien");
        let mut rng = DemoRng::new(1);
        let company = company(&mut rng, &REGIONS[0]);
        assert!(company.domain.ends_with(".example"));
        assert!(company.domain.is_ascii());
    }
}
