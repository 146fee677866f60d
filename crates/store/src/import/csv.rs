//! CSV files of accounts, contacts, assignments and interactions: the columns of each kind,
//! reading a file into lines for the store's import (every bad cell reported with its line and
//! column), and writing an export with the same header.
//!
//! Files are UTF-8 (a leading byte-order mark is skipped), comma-separated, quoted as RFC 4180
//! says; a header row names the columns, in any order. Line numbers are the file's own
//! (header = 1), also when a quoted cell spans lines. List cells (`employee_emails`,
//! `contact_external_ids`) separate their items with `;`.
//!
//! Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return as a formula. An export therefore prefixes such a cell with `'` — and also a
//! cell that already starts with `'`s followed by one of those, so the rule can be undone
//! exactly. An import strips one leading `'` from a cell whose remaining text starts with
//! (more `'`s and then) one of those characters, so an export imports again unchanged.

use std::borrow::Cow;
use std::collections::HashMap;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use continuity_domain::validation::{control_character_reason, forbidden_control};

use super::{
    AccountLine, AssignmentLine, ContactLine, Import, ImportReport, InteractionLine, LineError, Numbered,
    LIST_SEPARATOR,
};
use crate::scope::Scope;
use crate::{export, AnyConnection, StoreError, StoreResult};

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Accounts,
    Contacts,
    Assignments,
    Interactions,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Accounts, Kind::Contacts, Kind::Assignments, Kind::Interactions];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Accounts => "accounts",
            Kind::Contacts => "contacts",
            Kind::Assignments => "assignments",
            Kind::Interactions => "interactions",
        }
    }

    /// The columns of this kind, in export order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Accounts => ACCOUNT_COLUMNS,
            Kind::Contacts => CONTACT_COLUMNS,
            Kind::Assignments => ASSIGNMENT_COLUMNS,
            Kind::Interactions => INTERACTION_COLUMNS,
        }
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(text: &str) -> Result<Kind, String> {
        Kind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| "expected one of accounts | contacts | assignments | interactions".to_owned())
    }
}

/// A column of a file; a required one must be in the header and filled on every line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

const fn required(name: &'static str) -> Column {
    Column { name, required: true }
}

const fn optional(name: &'static str) -> Column {
    Column { name, required: false }
}

const ACCOUNT_COLUMNS: &[Column] = &[
    required("external_id"),
    required("name"),
    required("tier"),
    required("region"),
    required("team_name"),
    required("annual_value_minor"),
    required("currency"),
    optional("status"),
];

const CONTACT_COLUMNS: &[Column] = &[
    required("external_id"),
    required("account_external_id"),
    required("name"),
    optional("job_title"),
    optional("email"),
    optional("phone"),
    required("influence"),
    optional("left_at"),
];

const ASSIGNMENT_COLUMNS: &[Column] =
    &[required("account_external_id"), required("user_email"), required("role"), required("access")];

const INTERACTION_COLUMNS: &[Column] = &[
    required("external_id"),
    required("account_external_id"),
    required("kind"),
    required("occurred_at"),
    optional("summary"),
    optional("on_behalf_of"),
    optional("complaint_status"),
    optional("follow_up_owner_email"),
    optional("follow_up_due"),
    optional("employee_emails"),
    optional("contact_external_ids"),
];

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn looks_like_formula(cell: &str) -> bool {
    cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// An exported cell, made inert for spreadsheets (see the module notes).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if looks_like_formula(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// An imported cell with the export's neutralising prefix removed.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => cell,
    }
}

/// The cells of one data line, by column, collecting what is wrong with them.
struct Cells<'a> {
    line: u64,
    columns: &'a HashMap<String, usize>,
    record: &'a ::csv::StringRecord,
    errors: Vec<LineError>,
}

impl Cells<'_> {
    fn fail(&mut self, column: &str, reason: impl Into<String>) {
        self.errors.push(LineError { line: self.line, column: Some(column.to_owned()), reason: reason.into() });
    }

    /// The cell as written (prefix restored); `None` when the file has no such column.
    fn raw(&self, column: &str) -> Option<&str> {
        self.columns.get(column).map(|index| restore(self.record.get(*index).unwrap_or("")))
    }

    /// A trimmed cell: `None` without the column, `Some(None)` when empty.
    fn optional(&self, column: &str) -> Option<Option<String>> {
        self.raw(column).map(|cell| Some(cell.trim().to_owned()).filter(|cell| !cell.is_empty()))
    }

    fn required(&mut self, column: &str) -> String {
        match self.optional(column).flatten() {
            Some(cell) => cell,
            None => {
                self.fail(column, "is required");
                String::new()
            }
        }
    }

    /// A cell read with `parse`; a bad one is reported with `expected`.
    fn optional_parsed<T, E: std::fmt::Display>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Option<Option<T>> {
        let cell = self.optional(column)?;
        let Some(cell) = cell else { return Some(None) };
        match parse(&cell) {
            Ok(value) => Some(Some(value)),
            Err(error) => {
                self.fail(column, error.to_string());
                Some(None)
            }
        }
    }

    fn required_parsed<T, E: std::fmt::Display>(
        &mut self,
        column: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Option<T> {
        if self.optional(column).flatten().is_none() {
            self.fail(column, "is required");
            return None;
        }
        self.optional_parsed(column, parse).flatten()
    }

    fn list(&self, column: &str) -> Option<Vec<String>> {
        self.raw(column).map(|cell| {
            cell.split(LIST_SEPARATOR).map(str::trim).filter(|item| !item.is_empty()).map(str::to_owned).collect()
        })
    }
}

fn whole_number(cell: &str) -> Result<i64, &'static str> {
    cell.parse().map_err(|_| "must be a whole number (integer minor units)")
}

fn date(cell: &str) -> Result<NaiveDate, &'static str> {
    NaiveDate::parse_from_str(cell, "%Y-%m-%d").map_err(|_| "must be a date YYYY-MM-DD")
}

fn time(cell: &str) -> Result<DateTime<Utc>, &'static str> {
    DateTime::parse_from_rfc3339(cell)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| "must be an RFC 3339 time such as 2026-03-02T09:30:00Z")
}

// Every cell is read before the line is given up, so each bad cell is reported.

fn account_line(cells: &mut Cells<'_>) -> Option<AccountLine> {
    let external_id = cells.required("external_id");
    let name = cells.required("name");
    let tier = cells.required_parsed("tier", str::parse);
    let region = cells.required("region");
    let team_name = cells.required("team_name");
    let annual_value_minor = cells.required_parsed("annual_value_minor", whole_number);
    let currency = cells.required("currency");
    let status = cells.optional_parsed("status", str::parse).flatten();
    Some(AccountLine {
        external_id,
        name,
        tier: tier?,
        region,
        team_name,
        annual_value_minor: annual_value_minor?,
        currency,
        status,
    })
}

fn contact_line(cells: &mut Cells<'_>) -> Option<ContactLine> {
    let external_id = cells.required("external_id");
    let account_external_id = cells.required("account_external_id");
    let name = cells.required("name");
    let influence = cells.required_parsed("influence", str::parse);
    let job_title = cells.optional("job_title").map(Option::unwrap_or_default);
    let email = cells.optional("email");
    let phone = cells.optional("phone");
    let left_at = cells.optional_parsed("left_at", date);
    Some(ContactLine {
        external_id,
        account_external_id,
        name,
        influence: influence?,
        job_title,
        email,
        phone,
        left_at,
    })
}

fn assignment_line(cells: &mut Cells<'_>) -> Option<AssignmentLine> {
    let account_external_id = cells.required("account_external_id");
    let user_email = cells.required("user_email");
    let role = cells.required_parsed("role", str::parse);
    let access = cells.required_parsed("access", str::parse);
    Some(AssignmentLine { account_external_id, user_email, role: role?, access: access? })
}

fn interaction_line(cells: &mut Cells<'_>) -> Option<InteractionLine> {
    let external_id = cells.required("external_id");
    let account_external_id = cells.required("account_external_id");
    let kind = cells.required_parsed("kind", str::parse);
    let occurred_at = cells.required_parsed("occurred_at", time);
    Some(InteractionLine {
        external_id,
        account_external_id,
        kind: kind?,
        occurred_at: occurred_at?,
        // Summaries are kept as written, spaces included (as the JSON API keeps them).
        summary: cells.raw("summary").map(str::to_owned),
        on_behalf_of: cells.optional_parsed("on_behalf_of", str::parse).flatten(),
        complaint_status: cells.optional_parsed("complaint_status", str::parse),
        follow_up_owner_email: cells.optional("follow_up_owner_email"),
        follow_up_due: cells.optional_parsed("follow_up_due", date),
        employee_emails: cells.list("employee_emails"),
        contact_external_ids: cells.list("contact_external_ids"),
    })
}

/// The file's line number at a byte offset. The csv crate's own `position().line()` lags one
/// line behind after a CRLF line end (it counts the `\n` only when reading on), so lines are
/// counted here from the record's byte offset, skipping the line end it may point at.
struct LineCounter<'a> {
    body: &'a [u8],
    offset: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// Offsets must not decrease between calls (records come in file order).
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset).unwrap_or(usize::MAX).min(self.body.len());
        while start < self.body.len() && matches!(self.body[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            let newlines = self.body[self.offset..start].iter().filter(|byte| **byte == b'\n').count();
            self.line += u64::try_from(newlines).unwrap_or(u64::MAX);
            self.offset = start;
        }
        self.line
    }
}

/// Reads a file of `kind`: the lines that parsed, and every problem found (header, cells).
fn read<T>(body: &[u8], kind: Kind, build: fn(&mut Cells<'_>) -> Option<T>) -> (Vec<Numbered<T>>, Vec<LineError>) {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body);
    let mut records = reader.records();
    let mut errors = Vec::new();
    let line_error =
        |line: u64, column: Option<&str>, reason: String| LineError { line, column: column.map(str::to_owned), reason };
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => {
            errors.push(line_error(1, None, format!("cannot read the header: {error}")));
            return (Vec::new(), errors);
        }
        None => {
            errors.push(line_error(1, None, "the file is empty; its first line must name the columns".into()));
            return (Vec::new(), errors);
        }
    };
    let known: Vec<&str> = kind.columns().iter().map(|column| column.name).collect();
    let mut columns: HashMap<String, usize> = HashMap::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.trim();
        if !known.contains(&name) {
            let reason = format!("unknown column; the columns of {} are {}", kind.as_str(), known.join(", "));
            errors.push(line_error(1, Some(name), reason));
        } else if columns.insert(name.to_owned(), index).is_some() {
            errors.push(line_error(1, Some(name), "the column appears twice".into()));
        }
    }
    for column in kind.columns().iter().filter(|column| column.required) {
        if !columns.contains_key(column.name) {
            errors.push(line_error(1, Some(column.name), "required column is missing".into()));
        }
    }
    if !errors.is_empty() {
        return (Vec::new(), errors);
    }
    let mut lines = Vec::new();
    let mut counter = LineCounter { body, offset: 0, line: 1 };
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map(|position| counter.line_at(position.byte())).unwrap_or(0);
                errors.push(line_error(line, None, format!("cannot read this line: {error}")));
                continue;
            }
        };
        let line = record.position().map(|position| counter.line_at(position.byte())).unwrap_or(0);
        if record.len() != header.len() {
            let reason = format!("the line has {} cells, the header {}", record.len(), header.len());
            errors.push(line_error(line, None, reason));
            continue;
        }
        let control =
            columns.iter().find_map(|(name, index)| record.get(*index).and_then(forbidden_control).map(|c| (name, c)));
        if let Some((name, control)) = control {
            errors.push(line_error(line, Some(name), control_character_reason(control)));
            continue;
        }
        let mut cells = Cells { line, columns: &columns, record: &record, errors: Vec::new() };
        let value = build(&mut cells);
        match value {
            Some(value) if cells.errors.is_empty() => lines.push(Numbered { line, value }),
            _ => errors.append(&mut cells.errors),
        }
    }
    (lines, errors)
}

/// Imports a CSV file of `kind`: every line goes through the store's writes and the domain's
/// field rules, and all of it is written or nothing (see [`super`]). A file with unreadable
/// lines is still checked throughout, as a dry run, so that every problem is reported at once.
pub fn import_file(conn: &mut AnyConnection, kind: Kind, body: &[u8], import: Import) -> StoreResult<ImportReport> {
    let (mut report, errors) = match kind {
        Kind::Accounts => {
            let (lines, errors) = read(body, kind, account_line);
            (super::import_accounts(conn, &checked_only(import, &errors), &lines)?, errors)
        }
        Kind::Contacts => {
            let (lines, errors) = read(body, kind, contact_line);
            (super::import_contacts(conn, &checked_only(import, &errors), &lines)?, errors)
        }
        Kind::Assignments => {
            let (lines, errors) = read(body, kind, assignment_line);
            (super::import_assignments(conn, &checked_only(import, &errors), &lines)?, errors)
        }
        Kind::Interactions => {
            let (lines, errors) = read(body, kind, interaction_line);
            (super::import_interactions(conn, &checked_only(import, &errors), &lines)?, errors)
        }
    };
    report.errors.extend(errors);
    report.errors.sort_by_key(|error| error.line);
    Ok(report)
}

/// The import as a dry run when the file already has unreadable lines.
fn checked_only(mut import: Import, errors: &[LineError]) -> Import {
    import.dry_run |= !errors.is_empty();
    import
}

fn date_cell(date: Option<NaiveDate>) -> String {
    date.map(|date| date.to_string()).unwrap_or_default()
}

fn cells_of_account(line: AccountLine) -> Vec<String> {
    vec![
        line.external_id,
        line.name,
        line.tier.as_str().to_owned(),
        line.region,
        line.team_name,
        line.annual_value_minor.to_string(),
        line.currency,
        line.status.map(|status| status.as_str().to_owned()).unwrap_or_default(),
    ]
}

fn cells_of_contact(line: ContactLine) -> Vec<String> {
    vec![
        line.external_id,
        line.account_external_id,
        line.name,
        line.job_title.unwrap_or_default(),
        line.email.flatten().unwrap_or_default(),
        line.phone.flatten().unwrap_or_default(),
        line.influence.as_str().to_owned(),
        date_cell(line.left_at.flatten()),
    ]
}

fn cells_of_assignment(line: AssignmentLine) -> Vec<String> {
    vec![line.account_external_id, line.user_email, line.role.as_str().to_owned(), line.access.as_str().to_owned()]
}

fn cells_of_interaction(line: InteractionLine) -> Vec<String> {
    let separator = LIST_SEPARATOR.to_string();
    vec![
        line.external_id,
        line.account_external_id,
        line.kind.as_str().to_owned(),
        line.occurred_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
        line.summary.unwrap_or_default(),
        line.on_behalf_of.map(|on_behalf_of| on_behalf_of.as_str().to_owned()).unwrap_or_default(),
        line.complaint_status.flatten().map(|status| status.as_str().to_owned()).unwrap_or_default(),
        line.follow_up_owner_email.flatten().unwrap_or_default(),
        date_cell(line.follow_up_due.flatten()),
        line.employee_emails.unwrap_or_default().join(&separator),
        line.contact_external_ids.unwrap_or_default().join(&separator),
    ]
}

/// A CSV file of `kind` holding what `scope` may see, with the header the import takes;
/// `with_text: false` leaves interaction summaries empty (HR).
pub fn export_file(conn: &mut AnyConnection, kind: Kind, scope: &Scope, with_text: bool) -> StoreResult<Vec<u8>> {
    let rows: Vec<Vec<String>> = match kind {
        Kind::Accounts => export::accounts(conn, scope)?.into_iter().map(cells_of_account).collect(),
        Kind::Contacts => export::contacts(conn, scope)?.into_iter().map(cells_of_contact).collect(),
        Kind::Assignments => export::assignments(conn, scope)?.into_iter().map(cells_of_assignment).collect(),
        Kind::Interactions => {
            export::interactions(conn, scope, with_text)?.into_iter().map(cells_of_interaction).collect()
        }
    };
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    let failed = |error: ::csv::Error| StoreError::Export(error.to_string());
    writer.write_record(kind.columns().iter().map(|column| column.name)).map_err(failed)?;
    for row in rows {
        writer.write_record(row.iter().map(|cell| neutralise(cell).into_owned())).map_err(failed)?;
    }
    writer.into_inner().map_err(|error| StoreError::Export(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised_and_restored_exactly() {
        for cell in ["=HYPERLINK(\"x\")", "+1", "-3", "@x", "\tx", "\rx", "'=x", "''+y", "plain", "'quoted", "", "Zoë"]
        {
            let exported = neutralise(cell);
            assert!(!exported.starts_with(FORMULA_STARTS), "{cell:?} exported as {exported:?}");
            assert_eq!(restore(&exported), cell, "{cell:?} did not round-trip");
        }
        assert_eq!(neutralise("=1+1"), "'=1+1");
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(restore("+41 44 000 00 00"), "+41 44 000 00 00", "a hand-written phone stays as it is");
    }

    #[test]
    fn lines_are_numbered_as_in_the_file_even_across_quoted_line_breaks() {
        let file = "account_external_id,user_email,role,access\r\n\
                    a1,ana@example.com,owner,edit\r\n\
                    \"a\nb\",ben@example.com,boss,edit\r\n\
                    a3,cy@example.com,owner,edit\r\n";
        for file in [file.to_owned(), file.replace("\r\n", "\n"), file.replace('\n', "\r\n").replace("\r\r", "\r")] {
            let (lines, errors) = read(file.as_bytes(), Kind::Assignments, assignment_line);
            assert_eq!(lines.iter().map(|line| line.line).collect::<Vec<_>>(), vec![2, 5], "{file:?}");
            assert_eq!(errors.len(), 1);
            assert_eq!((errors[0].line, errors[0].column.as_deref()), (3, Some("role")), "{file:?}");
        }
    }

    #[test]
    fn header_problems_name_the_column() {
        let (_, errors) = read(b"external_id,colour,name\n", Kind::Accounts, account_line);
        let named: Vec<_> = errors.iter().map(|error| (error.line, error.column.clone().unwrap_or_default())).collect();
        assert!(named.contains(&(1, "colour".to_owned())), "{errors:?}");
        assert!(named.contains(&(1, "tier".to_owned())), "{errors:?}");
    }
}
