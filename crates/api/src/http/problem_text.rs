//! The words of problem documents in each language: the title of every kind of problem, and
//! the Dutch of every detail the API writes (PRODUCT.md, "Interfaces", Language).
//!
//! Details are written in English where the refusal is decided (a rule of the domain, a
//! handler, serde); the Dutch is looked up here by the English, as a message catalogue keyed
//! by its source text: each entry is an English template with `{}` for the parts that vary
//! (names, numbers, field names, nested messages) and its Dutch with `{0}`, `{1}`, … for them.
//! A varying part that is itself a detail of the catalogue is worded too (serde's "… at line 1
//! column 5" around its message). A detail without an entry stays English rather than being
//! guessed at; `tests::every_detail_the_code_writes_has_dutch` fails on one.

use std::sync::OnceLock;

use actix_web::http::StatusCode;
use continuity_domain::Language;
use serde_json::{Map, Value};

/// The title of a problem by its kind (the last segment of its `type`), or `None` for a kind
/// that is not ours.
pub fn title(slug: &str, language: Language) -> Option<&'static str> {
    let (english, dutch) = match slug {
        "validation" => ("Invalid input", "Ongeldige invoer"),
        "too-large" => ("Request body too large", "Verzoek te groot"),
        "media-type" => ("Unsupported media type", "Niet-ondersteund mediatype"),
        "bad-request" => ("Bad request", "Ongeldig verzoek"),
        "unauthenticated" => ("Authentication required", "Aanmelden vereist"),
        "forbidden" => ("Not allowed", "Niet toegestaan"),
        "not-found" => ("Not found", "Niet gevonden"),
        "conflict" => ("Conflict", "Conflict met de huidige gegevens"),
        "stale" => ("Precondition failed", "Gegevens intussen gewijzigd"),
        "if-match-required" => ("Precondition required", "Versie vereist"),
        "throttled" => ("Too many requests", "Te veel verzoeken"),
        "unavailable" => ("Service unavailable", "Dienst niet beschikbaar"),
        "internal" => ("Internal error", "Interne fout"),
        _ => return http_title(slug.strip_prefix("http-")?.parse().ok()?, language),
    };
    Some(match language {
        Language::English => english,
        Language::Dutch => dutch,
    })
}

/// The title of the problem actix itself answers with a bare status (`type` `…/http-404`).
fn http_title(status: StatusCode, language: Language) -> Option<&'static str> {
    let dutch = match status {
        StatusCode::BAD_REQUEST => "Ongeldig verzoek",
        StatusCode::UNAUTHORIZED => "Aanmelden vereist",
        StatusCode::FORBIDDEN => "Niet toegestaan",
        StatusCode::NOT_FOUND => "Niet gevonden",
        StatusCode::METHOD_NOT_ALLOWED => "Methode niet toegestaan",
        StatusCode::NOT_ACCEPTABLE => "Niet aanvaardbaar",
        StatusCode::REQUEST_TIMEOUT => "Verzoek duurde te lang",
        StatusCode::PAYLOAD_TOO_LARGE => "Verzoek te groot",
        StatusCode::URI_TOO_LONG => "Adres te lang",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "Niet-ondersteund mediatype",
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE => "Headers te groot",
        StatusCode::INTERNAL_SERVER_ERROR => "Interne fout",
        StatusCode::SERVICE_UNAVAILABLE => "Dienst niet beschikbaar",
        _ => return status.canonical_reason(),
    };
    match language {
        Language::English => status.canonical_reason(),
        Language::Dutch => Some(dutch),
    }
}

/// A problem document worded in `language`: its title by its `type`, its detail from the
/// catalogue. `type`, `status`, `field` and any other member stay as they are.
pub fn word_problem(mut problem: Map<String, Value>, language: Language) -> Map<String, Value> {
    if language == Language::English {
        return problem;
    }
    let slug = problem.get("type").and_then(Value::as_str).and_then(|kind| kind.rsplit('/').next());
    if let Some(title) = slug.and_then(|slug| title(slug, language)) {
        problem.insert("title".into(), Value::String(title.to_owned()));
    }
    let worded = problem.get("detail").and_then(Value::as_str).and_then(|detail| detail_in(detail, language));
    if let Some(detail) = worded {
        problem.insert("detail".into(), Value::String(detail));
    }
    problem
}

/// The detail in `language`, or `None` when the catalogue has no wording for it.
pub fn detail_in(english: &str, language: Language) -> Option<String> {
    match language {
        Language::English => Some(english.to_owned()),
        Language::Dutch => dutch(english, 0),
    }
}

/// How deep varying parts are worded in turn (serde nests a message or two).
const MAX_NESTING: usize = 3;

fn dutch(english: &str, depth: usize) -> Option<String> {
    templates().iter().find_map(|template| {
        let parts = template.capture(english)?;
        let parts: Vec<String> = parts
            .into_iter()
            .map(|part| match depth < MAX_NESTING {
                true => dutch(part, depth + 1).unwrap_or_else(|| part.to_owned()),
                false => part.to_owned(),
            })
            .collect();
        Some(template.fill(&parts))
    })
}

struct Template {
    /// The English around the varying parts: one more piece than there are parts.
    pieces: Vec<&'static str>,
    dutch: &'static str,
}

impl Template {
    fn new(english: &'static str, dutch: &'static str) -> Template {
        Template { pieces: english.split("{}").collect(), dutch }
    }

    /// The varying parts of `text` if it is this template's English, each the shortest that
    /// fits.
    fn capture<'t>(&self, text: &'t str) -> Option<Vec<&'t str>> {
        let (first, rest) = self.pieces.split_first()?;
        let (last, middle) = match rest.split_last() {
            Some((last, middle)) => (*last, middle),
            None => return (text == *first).then(Vec::new),
        };
        let mut remaining = text.strip_prefix(first)?.strip_suffix(last)?;
        let mut parts = Vec::with_capacity(rest.len());
        for piece in middle {
            let at = remaining.find(piece)?;
            parts.push(&remaining[..at]);
            remaining = &remaining[at + piece.len()..];
        }
        parts.push(remaining);
        parts.iter().all(|part| !part.is_empty()).then_some(parts)
    }

    fn fill(&self, parts: &[String]) -> String {
        let mut text = self.dutch.to_owned();
        for (index, part) in parts.iter().enumerate() {
            text = text.replace(&format!("{{{index}}}"), part);
        }
        text
    }

    /// How much fixed text the template has: the more, the more specific.
    fn fixed_len(&self) -> usize {
        self.pieces.iter().map(|piece| piece.len()).sum()
    }
}

/// The catalogue, most specific template first.
fn templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let mut templates: Vec<Template> = DUTCH.iter().map(|(english, dutch)| Template::new(english, dutch)).collect();
        templates.sort_by_key(|template| std::cmp::Reverse(template.fixed_len()));
        templates
    })
}

/// English detail → Dutch. Terms as in the app: klant (account), contactpersoon (contact),
/// contactmoment (interaction), accountteam, relatiebeheerder, overdrachtsplan, saleslead,
/// beheerder (admin); field names, codes and header names stay as they are.
const DUTCH: &[(&str, &str)] = &[
    // The kinds of problem (crates/api/src/http/error.rs, problems.rs).
    ("not found", "niet gevonden"),
    ("no such resource", "deze bron bestaat niet"),
    ("this method is not allowed on this resource", "deze methode is op deze bron niet toegestaan"),
    ("the request body is too large", "de inhoud van het verzoek is te groot"),
    ("the record was changed since it was read", "het record is gewijzigd nadat je het hebt gelezen"),
    (
        "this write needs an If-Match header with the record's ETag",
        "deze wijziging vraagt om een If-Match-header met de ETag van het record",
    ),
    ("too many attempts; retry in {} s", "te veel pogingen; probeer het over {0} s opnieuw"),
    ("internal error", "interne fout"),
    ("something went wrong on our side; it has been logged", "er ging bij ons iets mis; dat is vastgelegd"),
    ("authentication required: {}", "aanmelden vereist: {0}"),
    ("{} is already taken", "{0} is al in gebruik"),
    // Signing in and tokens.
    ("send Authorization: Bearer <access_token>", "stuur Authorization: Bearer <access_token> mee"),
    ("malformed Authorization header", "ongeldige Authorization-header"),
    ("invalid access token: {}", "ongeldig toegangstoken: {0}"),
    ("invalid access token subject", "ongeldig onderwerp in het toegangstoken"),
    ("invalid or expired refresh token", "ongeldig of verlopen vernieuwingstoken"),
    (
        "this refresh token was already used; the session has been ended for safety",
        "dit vernieuwingstoken is al gebruikt; de sessie is voor de veiligheid beëindigd",
    ),
    ("this account is no longer active", "dit gebruikersaccount is niet meer actief"),
    ("wrong email or password", "onjuist e-mailadres of wachtwoord"),
    ("too many sign-ins at once; try again", "te veel aanmeldingen tegelijk; probeer het opnieuw"),
    ("the database is unavailable; retry shortly", "de database is niet bereikbaar; probeer het zo opnieuw"),
    ("database unreachable: {}", "database niet bereikbaar: {0}"),
    // Bodies, queries, paths.
    (
        "the body must be JSON (Content-Type: application/json)",
        "de inhoud moet JSON zijn (Content-Type: application/json)",
    ),
    ("the body is larger than {} bytes", "de inhoud is groter dan {0} bytes"),
    ("could not read the body: {}", "de inhoud kon niet worden gelezen: {0}"),
    ("malformed JSON: {}", "ongeldige JSON: {0}"),
    ("bad query parameter: {}", "ongeldige queryparameter: {0}"),
    ("is not a valid id", "is geen geldig id"),
    ("is not a cursor this server issued", "is geen cursor van deze server"),
    ("the cursor belongs to another sort order", "de cursor hoort bij een andere sortering"),
    ("must be json or html", "moet json of html zijn"),
    ("must be true or false", "moet true of false zijn"),
    ("must be one of nl, en, or null to follow the browser", "moet nl of en zijn, of null om de browser te volgen"),
    // What serde and chrono say of a value that does not read.
    ("unknown field `{}`, expected one of {}", "onbekend veld `{0}`; verwacht een van {1}"),
    ("unknown field `{}`, expected {}", "onbekend veld `{0}`; verwacht {1}"),
    ("unknown field `{}`, there are no fields", "onbekend veld `{0}`; hier horen geen velden"),
    ("missing field `{}`", "veld `{0}` ontbreekt"),
    ("duplicate field `{}`", "veld `{0}` staat er twee keer in"),
    ("unknown variant `{}`, expected one of {}", "onbekende waarde `{0}`; verwacht een van {1}"),
    ("unknown variant `{}`, expected {}", "onbekende waarde `{0}`; verwacht {1}"),
    ("unknown value `{}`, expected one of {}", "onbekende waarde `{0}`; verwacht een van {1}"),
    ("invalid type: {}, expected {}", "ongeldig type: {0}; verwacht {1}"),
    ("invalid value: {}, expected {}", "ongeldige waarde: {0}; verwacht {1}"),
    ("invalid length {}, expected {}", "ongeldige lengte {0}; verwacht {1}"),
    ("{} at line {} column {}", "{0} (regel {1}, kolom {2})"),
    ("`{}` or `{}`", "`{0}` of `{1}`"),
    ("EOF while parsing {}", "de JSON houdt onverwacht op"),
    ("expected value", "waarde verwacht"),
    ("expected `,` or `}`", "`,` of `}` verwacht"),
    ("expected `,` or `]`", "`,` of `]` verwacht"),
    ("expected `:`", "`:` verwacht"),
    ("trailing characters", "tekens na het einde"),
    ("trailing comma", "komma aan het einde"),
    ("key must be a string", "een sleutel moet een tekst zijn"),
    ("invalid number", "ongeldig getal"),
    ("number out of range", "getal buiten bereik"),
    ("a string", "een tekst"),
    ("an id as a string of digits or an integer", "een id als tekst van cijfers of als geheel getal"),
    ("`{}` is not an id", "`{0}` is geen id"),
    ("id out of range", "id buiten bereik"),
    ("input contains invalid characters", "de invoer bevat ongeldige tekens"),
    ("premature end of input", "de invoer houdt te vroeg op"),
    ("input is out of range", "de invoer valt buiten het bereik"),
    ("trailing input", "er volgt meer dan verwacht"),
    ("input is not enough for unique date and time", "de invoer is te weinig voor een eenduidige datum en tijd"),
    ("no possible date and time matching input", "er bestaat geen datum en tijd die bij de invoer past"),
    // Bounds of fields.
    ("is required", "is verplicht"),
    ("is already taken", "is al in gebruik"),
    ("must be {} to {} characters", "moet {0} tot {1} tekens lang zijn"),
    ("must be at most {} characters", "mag hoogstens {0} tekens lang zijn"),
    ("must not be blank", "mag niet leeg zijn"),
    ("must be one of {}", "moet een van deze waarden zijn: {0}"),
    ("must be between {} and {}", "moet tussen {0} en {1} liggen"),
    (
        "must not be negative (integer minor units)",
        "mag niet negatief zijn (een geheel getal in de kleinste munteenheid, zoals centen)",
    ),
    ("must be an ISO 4217 code such as EUR", "moet een ISO 4217-code zijn, zoals EUR"),
    ("must be after 1970", "moet na 1970 liggen"),
    (
        "must be a phone number: digits, spaces and + - ( ) .",
        "moet een telefoonnummer zijn: cijfers, spaties en + - ( ) .",
    ),
    ("must not contain `{}` (it separates lists)", "mag geen `{0}` bevatten (dat teken scheidt lijsten)"),
    ("may be at most one day in the future", "mag hoogstens één dag in de toekomst liggen"),
    ("is not a valid e-mail address", "is geen geldig e-mailadres"),
    ("at most {} colleagues", "hoogstens {0} collega's"),
    ("at most {} employees at a time", "hoogstens {0} medewerkers tegelijk"),
    ("at most {} contacts", "hoogstens {0} contactpersonen"),
    ("listed twice, or the user themselves", "staat er twee keer in, of is de gebruiker zelf"),
    ("give a reason of {} to {} characters", "geef een reden van {0} tot {1} tekens"),
    // Who may do what (crates/api/src/access.rs).
    ("the {} role may not do this", "de rol {0} mag dit niet"),
    ("only an admin changes {}", "alleen een beheerder wijzigt {0}"),
    ("HR does not create or move accounts", "HR maakt geen klanten aan en verplaatst ze niet"),
    ("HR reads campaigns but does not run them", "HR leest campagnes maar voert ze niet uit"),
    (
        "HR sees account structure but does not change accounts",
        "HR ziet hoe klanten zijn opgebouwd, maar wijzigt ze niet",
    ),
    ("campaigns are for sales leads and admins", "campagnes zijn voor salesleads en beheerders"),
    ("campaigns are for sales leads, HR and admins", "campagnes zijn voor salesleads, HR en beheerders"),
    (
        "portfolio figures are for sales leads, HR and admins",
        "portefeuillecijfers zijn voor salesleads, HR en beheerders",
    ),
    (
        "imports are for admins and for sales leads into their teams",
        "importeren is voor beheerders, en voor salesleads in hun eigen teams",
    ),
    ("you can import only into the teams you lead", "je kunt alleen importeren in de teams die je leidt"),
    ("you can only place accounts in your own teams", "je kunt klanten alleen in je eigen teams plaatsen"),
    ("you can only run campaigns for the teams you lead", "je kunt alleen campagnes voeren voor de teams die je leidt"),
    ("you pick successors for the accounts of your teams", "je kiest opvolgers voor de klanten van je eigen teams"),
    ("your access to this account is read-only", "je hebt op deze klant alleen leesrechten"),
    ("name the team you lead this campaign is for", "noem het team dat je leidt en waarvoor deze campagne is"),
    // People.
    ("you cannot mark yourself departed", "je kunt jezelf niet als vertrokken markeren"),
    ("a leaving employee needs a leave date", "een vertrekkende medewerker heeft een vertrekdatum nodig"),
    ("members[{}]: no such current employee", "members[{0}]: geen huidige medewerker"),
    ("employee_ids[{}]: no current employee with id {}", "employee_ids[{0}]: geen huidige medewerker met id {1}"),
    ("name at least one employee", "noem minstens één medewerker"),
    ("no such employee", "deze medewerker bestaat niet"),
    ("no such user", "deze gebruiker bestaat niet"),
    ("no user has the e-mail `{}`", "er is geen gebruiker met het e-mailadres `{0}`"),
    ("no user with id {}", "er is geen gebruiker met id {0}"),
    ("only a sales lead can lead a team", "alleen een saleslead kan een team leiden"),
    (
        "the user has departed and cannot join an account team",
        "de gebruiker is vertrokken en kan niet meer in een accountteam",
    ),
    // Accounts, contacts, interactions.
    ("no such account", "deze klant bestaat niet"),
    ("no such contact", "deze contactpersoon bestaat niet"),
    ("no such team", "dit team bestaat niet"),
    ("no such setting", "deze instelling bestaat niet"),
    ("no team has this name", "er is geen team met deze naam"),
    ("no contact with id {}", "er is geen contactpersoon met id {0}"),
    (
        "no account you may change has the external id `{}`",
        "er is geen klant met de externe id `{0}` die je mag wijzigen",
    ),
    (
        "no record has this id (`{}` names records without an external id)",
        "geen record heeft dit id (`{0}` duidt records zonder externe id aan)",
    ),
    ("`{}` is not a contact of this account", "`{0}` is geen contactpersoon van deze klant"),
    ("contact {} is not a contact of this account", "contactpersoon {0} hoort niet bij deze klant"),
    ("the contact is already on this account", "de contactpersoon hoort al bij deze klant"),
    (
        "the contact is on another account; a change of employer is POST /contacts/{}/move",
        "de contactpersoon hoort bij een andere klant; een nieuwe werkgever leg je vast met POST /contacts/{0}/move",
    ),
    ("this contact was erased", "deze contactpersoon is gewist"),
    ("an account cannot link to itself", "een klant kan niet aan zichzelf worden gekoppeld"),
    (
        "name at least one participant (employee or contact)",
        "noem minstens één deelnemer (medewerker of contactpersoon)",
    ),
    (
        "an interaction stays on the account it was logged on",
        "een contactmoment blijft bij de klant waarbij het is vastgelegd",
    ),
    (
        "is fixed once the interaction is logged; log a new one instead",
        "ligt vast zodra het contactmoment is vastgelegd; leg in plaats daarvan een nieuw contactmoment vast",
    ),
    // Complaints.
    ("only a complaint has a complaint status", "alleen een klacht heeft een klachtstatus"),
    ("only a complaint has a resolution", "alleen een klacht heeft een oplossing"),
    (
        "only complaints have a complaint status, and every complaint has one",
        "alleen klachten hebben een klachtstatus, en elke klacht heeft er een",
    ),
    ("only complaints have a follow-up trail", "alleen klachten hebben een opvolging"),
    ("a resolution is given when resolving the complaint", "een oplossing geef je op wanneer je de klacht afhandelt"),
    ("say what was done to resolve the complaint", "beschrijf wat er is gedaan om de klacht op te lossen"),
    ("the follow-up owner must be a current employee", "wie de opvolging oppakt, moet een huidige medewerker zijn"),
    (
        "the follow-up owner must be a current member of the account team",
        "wie de opvolging oppakt, moet nu in het accountteam zitten",
    ),
    // Events and campaigns.
    (
        "name at least one attending contact (to drop them all, delete the event)",
        "noem minstens één aanwezige contactpersoon (verwijder het evenement om ze allemaal te schrappen)",
    ),
    (
        "the event is closed: its attendance and details can no longer change",
        "het evenement is gesloten: de aanwezigheid en de gegevens liggen vast",
    ),
    (
        "the event has attendees on accounts you cannot change",
        "het evenement heeft aanwezigen van klanten die je niet mag wijzigen",
    ),
    (
        "closing an event needs edit access to one of its accounts",
        "om een evenement te sluiten heb je schrijfrechten nodig op een van de klanten",
    ),
    ("the campaign was already sent", "de campagne is al verstuurd"),
    (
        "this campaign carries warnings ({}); sending it needs a reason acknowledging them",
        "deze campagne heeft waarschuwingen ({0}); geef bij het versturen een reden waarin je ze erkent",
    ),
    // Departures and handovers.
    ("plan someone else's departure", "je kunt alleen het vertrek van een ander plannen"),
    ("give a successor or a waiver, not both", "kies een opvolger of een vrijstelling, niet allebei"),
    ("give a successor_id or a waiver_reason", "geef een successor_id of een waiver_reason"),
    ("a successor is no longer available; choose another", "een opvolger is niet meer beschikbaar; kies een ander"),
    ("the leaver cannot succeed themselves", "wie vertrekt, kan zichzelf niet opvolgen"),
    ("{} is leaving too", "{0} vertrekt ook"),
    ("the employee has already departed", "de medewerker is al vertrokken"),
    ("the plan is already {}", "het overdrachtsplan heeft al de status {0}"),
    ("the plan is {}", "het overdrachtsplan heeft de status {0}"),
    (
        "{} handover(s) have neither a successor nor a waiver",
        "{0} overdracht(en) zonder opvolger en zonder vrijstelling",
    ),
    (
        "{} holds {} account(s) that no staying colleague holds and that have no successor or waiver; plan their handover first",
        "{0} draagt {1} klant(en) die geen blijvende collega draagt en die geen opvolger of vrijstelling hebben; plan eerst de overdracht",
    ),
    // Imports.
    (
        "the record was changed by someone else during the import; import again",
        "iemand anders heeft het record tijdens het importeren gewijzigd; importeer opnieuw",
    ),
    (
        "the body must be a CSV file (Content-Type: text/csv)",
        "de inhoud moet een CSV-bestand zijn (Content-Type: text/csv)",
    ),
    ("the file is larger than {} bytes; split it", "het bestand is groter dan {0} bytes; splits het op"),
    ("{} problem(s) in the file; nothing was written", "{0} fout(en) in het bestand; er is niets opgeslagen"),
];

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn dutch_of(english: &str) -> Option<String> {
        detail_in(english, Language::Dutch)
    }

    #[test]
    fn a_detail_with_varying_parts_keeps_them_in_its_dutch() {
        assert_eq!(dutch_of("must be 1 to 200 characters").as_deref(), Some("moet 1 tot 200 tekens lang zijn"));
        assert_eq!(
            dutch_of(
                "Anna de Vries holds 2 account(s) that no staying colleague holds and that have no successor or \
                 waiver; plan their handover first"
            )
            .as_deref(),
            Some(
                "Anna de Vries draagt 2 klant(en) die geen blijvende collega draagt en die geen opvolger of \
                 vrijstelling hebben; plan eerst de overdracht"
            )
        );
        assert_eq!(dutch_of("email is already taken").as_deref(), Some("email is al in gebruik"));
        assert_eq!(dutch_of("something nobody wrote"), None);
        assert_eq!(detail_in("is required", Language::English).as_deref(), Some("is required"));
    }

    #[test]
    fn a_nested_message_is_worded_too() {
        assert_eq!(
            dutch_of("malformed JSON: expected value at line 1 column 2").as_deref(),
            Some("ongeldige JSON: waarde verwacht (regel 1, kolom 2)")
        );
        assert_eq!(
            dutch_of("unknown variant `fr`, expected `nl` or `en`").as_deref(),
            Some("onbekende waarde `fr`; verwacht `nl` of `en`")
        );
    }

    #[test]
    fn every_template_is_distinct_and_its_dutch_uses_only_its_parts() {
        let mut seen = std::collections::BTreeSet::new();
        for (english, dutch) in DUTCH {
            assert!(seen.insert(*english), "{english} is in the catalogue twice");
            let parts = english.matches("{}").count();
            for index in 0..10 {
                let used = dutch.contains(&format!("{{{index}}}"));
                assert!(!used || index < parts, "{dutch} uses a part {english} does not have");
            }
            assert!(!dutch.contains("{}"), "{dutch}: name the parts {{0}}, {{1}}, …");
            assert_ne!(english, dutch, "{english} is not translated");
        }
    }

    #[test]
    fn titles_are_worded_by_the_kind_of_problem() {
        assert_eq!(title("validation", Language::Dutch), Some("Ongeldige invoer"));
        assert_eq!(title("not-found", Language::English), Some("Not found"));
        assert_eq!(title("http-405", Language::Dutch), Some("Methode niet toegestaan"));
        assert_eq!(title("http-405", Language::English), Some("Method Not Allowed"));
        assert_eq!(title("nonsense", Language::Dutch), None);
    }

    /// The English literals the code writes as problem details: the text arguments of the
    /// constructors of refusals (`ApiError::invalid`, `RuleError::invalid`, `refused`,
    /// `bad_request`, `Forbidden`, `Unauthenticated`, `Unavailable`), `reason:`/`detail:`
    /// members and the API error's own messages, with `{…}` for what `format!` fills in.
    /// The CSV import's line reasons are its report's, not problem documents', and are left
    /// out.
    fn details_in_the_code() -> Vec<(String, PathBuf)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files = Vec::new();
        for crate_dir in ["api/src", "domain/src", "store/src"] {
            collect_rust_files(&root.join(crate_dir), &mut files);
        }
        let mut found = Vec::new();
        for file in files {
            if file.components().any(|part| part.as_os_str() == "import") {
                continue;
            }
            let source = std::fs::read_to_string(&file).unwrap_or_default();
            let source = source.split("#[cfg(test)]").next().unwrap_or_default();
            let own_messages = file.ends_with("http/error.rs");
            for literal in detail_literals(source, own_messages) {
                found.push((literal, file.clone()));
            }
        }
        found
    }

    fn collect_rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_rust_files(&path, files);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }

    /// Markers after which the first argument names a field (its text is skipped).
    const WITH_FIELD: [&str; 3] = ["invalid(", "bad_request(", "refused("];
    const TEXT_ONLY: [&str; 5] = ["Forbidden(", "Unauthenticated(", "Unavailable(", "reason: ", "detail: "];

    fn detail_literals(source: &str, own_messages: bool) -> Vec<String> {
        let mut markers: Vec<&str> = WITH_FIELD.iter().chain(&TEXT_ONLY).copied().collect();
        if own_messages {
            markers.push("#[error(");
        }
        let mut literals = Vec::new();
        for marker in markers {
            for (at, _) in source.match_indices(marker) {
                let before = source[..at].chars().next_back().unwrap_or(' ');
                if before.is_alphanumeric() || before == '_' {
                    continue;
                }
                let argument = argument_text(&source[at + marker.len()..], marker.ends_with(": "));
                let arguments = top_level_split(argument);
                // `refused(reason)` of the domain has no field; `refused(field, reason)` does.
                let skip = usize::from(WITH_FIELD.contains(&marker) && arguments.len() > 1);
                for argument in arguments.iter().skip(skip) {
                    literals.extend(message_literal(argument));
                }
            }
        }
        literals.into_iter().map(|text| placeholders_as_braces(&text)).filter(|text| text != "{}").collect()
    }

    /// The text up to the bracket that closes the call (or, for a `member: value`, up to the
    /// comma or bracket that ends the value).
    fn argument_text(rest: &str, member: bool) -> &str {
        let mut depth = 0_i32;
        let mut in_string = false;
        let mut escaped = false;
        for (index, c) in rest.char_indices() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => return &rest[..index],
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 && member => return &rest[..index],
                _ => {}
            }
        }
        rest
    }

    fn top_level_split(text: &str) -> Vec<&str> {
        let (mut parts, mut start, mut depth, mut in_string) = (Vec::new(), 0, 0_i32, false);
        let mut previous = ' ';
        for (index, c) in text.char_indices() {
            match c {
                '"' if previous != '\\' => in_string = !in_string,
                '(' | '[' | '{' if !in_string => depth += 1,
                ')' | ']' | '}' if !in_string => depth -= 1,
                ',' if !in_string && depth == 0 => {
                    parts.push(&text[start..index]);
                    start = index + 1;
                }
                _ => {}
            }
            previous = c;
        }
        parts.push(&text[start..]);
        parts
    }

    /// The message of one argument: a literal (`"…".into()`), or the format string of a
    /// `format!("…", …)`; never the literals among `format!`'s arguments.
    fn message_literal(argument: &str) -> Option<String> {
        let argument = argument.trim();
        let argument = argument.strip_prefix("format!(").unwrap_or(argument).trim_start();
        let body = argument.strip_prefix('"')?;
        let mut text = String::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return Some(text),
                '\\' => {
                    let next = chars.next()?;
                    if next == '\n' {
                        // A continued line: the next line's indentation is not part of it.
                        while chars.clone().next().is_some_and(char::is_whitespace) {
                            chars.next();
                        }
                    } else {
                        text.push(next);
                    }
                }
                other => text.push(other),
            }
        }
        None
    }

    fn placeholders_as_braces(text: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            match rest[open..].find('}') {
                Some(close) => {
                    out.push_str("{}");
                    rest = &rest[open + close + 1..];
                }
                None => {
                    rest = &rest[open..];
                    break;
                }
            }
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn every_detail_the_code_writes_has_dutch() {
        let details = details_in_the_code();
        assert!(details.len() > 100, "the scan finds the details ({} found)", details.len());
        let missing: Vec<String> = details
            .iter()
            .filter(|(template, _)| {
                let sample = template.replace("{}", "X");
                dutch_of(&sample).is_none_or(|dutch| dutch == sample)
            })
            .map(|(template, file)| format!("{template}  ({})", file.display()))
            .collect();
        assert!(missing.is_empty(), "details without Dutch in problem_text.rs:\n{}", missing.join("\n"));
    }
}
