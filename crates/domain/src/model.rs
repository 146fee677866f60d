//! The closed vocabularies of the domain (PRODUCT.md, "Domain" and "Who uses it").
//!
//! Each enum is stored as lower-case text (with a `CHECK` in both stores) and travels in JSON
//! with the same spelling, so `as_str`/`parse` are the single mapping between the two.

/// Declares a text-backed enum with its wire spelling, `as_str`, `FromStr` and `ALL`.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            ::serde::Serialize, ::serde::Deserialize,
        )]
        pub enum $name { $(#[serde(rename = $text)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire and storage spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                [$($text),+].join(" | ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::UnknownValue;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::model::UnknownValue { value: text.to_owned(), expected: $name::expected() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use text_enum;

/// A value outside an enum's vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown value `{value}`, expected one of {expected}")]
pub struct UnknownValue {
    pub value: String,
    pub expected: String,
}

text_enum!(
    /// What a user may see and do (PRODUCT.md, "Who uses it").
    Role { Admin => "admin", Hr => "hr", SalesLead => "sales_lead", Member => "member" }
);
text_enum!(
    /// An employee's employment status; a user is never deleted.
    UserStatus { Active => "active", Leaving => "leaving", Departed => "departed" }
);
text_enum!(
    /// Client tier, A being the most valuable.
    Tier { A => "A", B => "B", C => "C" }
);
text_enum!(
    AccountStatus { Active => "active", Churned => "churned" }
);
text_enum!(
    /// How two client accounts are tied in the client network.
    AccountLinkKind { ReferredBy => "referred_by", SameGroup => "same_group", Partner => "partner" }
);
text_enum!(
    /// A client contact's weight in the client's decisions.
    Influence {
        DecisionMaker => "decision_maker",
        Champion => "champion",
        Influencer => "influencer",
        User => "user",
        Other => "other",
    }
);
text_enum!(
    /// An employee's role on an account team.
    AssignmentRole {
        Owner => "owner",
        CoOwner => "co_owner",
        Specialist => "specialist",
        ExecutiveSponsor => "executive_sponsor",
    }
);
text_enum!(
    /// What an account-team member may do with the account.
    Access { Read => "read", Edit => "edit" }
);
text_enum!(
    /// The kind of a touchpoint; it sets the interaction's weight in the continuity model.
    InteractionKind {
        Meeting => "meeting",
        Call => "call",
        Email => "email",
        Visit => "visit",
        Event => "event",
        Gift => "gift",
        Complaint => "complaint",
        Note => "note",
    }
);
text_enum!(
    /// Whether a touchpoint was made in a person's name or in the firm's (an institutional tie).
    OnBehalfOf { Person => "person", Organisation => "organisation" }
);
text_enum!(
    ComplaintStatus { Open => "open", Resolved => "resolved" }
);
text_enum!(
    /// What a campaign is: an apology, a mailing, a gift or an invitation (e.g. a client day).
    CampaignKind { Apology => "apology", Mailing => "mailing", Gift => "gift", Invitation => "invitation" }
);
text_enum!(
    /// A campaign is drafted, then sent once.
    CampaignStatus { Draft => "draft", Sent => "sent" }
);
text_enum!(
    /// Progress of one account's handover in a departure plan.
    HandoverStatus { Planned => "planned", Introduced => "introduced", Done => "done" }
);
text_enum!(
    /// What kind of client event the firm held (a client day, seminar or dinner in its name).
    EventKind { ClientDay => "client_day", Seminar => "seminar", Dinner => "dinner", Other => "other" }
);
text_enum!(
    /// An event's attendance can be edited while it is open; closing it freezes it.
    EventStatus { Open => "open", Closed => "closed" }
);
text_enum!(
    /// A departure plan is open until it is applied (or cancelled).
    DeparturePlanStatus { Open => "open", Applied => "applied", Cancelled => "cancelled" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_enum_value_round_trips_through_its_text() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(*role));
        }
        for kind in InteractionKind::ALL {
            assert_eq!(kind.as_str().parse::<InteractionKind>(), Ok(*kind));
        }
        assert_eq!(serde_json::to_string(&Role::SalesLead).ok().as_deref(), Some("\"sales_lead\""));
        assert_eq!(serde_json::to_string(&Tier::A).ok().as_deref(), Some("\"A\""));
    }

    #[test]
    fn unknown_text_names_the_accepted_values() {
        let error = "owner".parse::<Role>().expect_err("`owner` is not a role");
        assert_eq!(error.expected, "admin | hr | sales_lead | member");
    }
}
