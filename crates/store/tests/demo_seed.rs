//! The demo firm loads into both stores and makes every flag of PRODUCT.md appear.

use chrono::Utc;
use continuity_domain::continuity::FlagCode;
use continuity_domain::demo::demo_firm;
use continuity_store::{on_both_stores, risk, seed};

on_both_stores!(fn the_demo_firm_raises_every_flag_once_stored(store) {
    let mut conn = store.conn().expect("conn");
    let now = Utc::now();
    let report = seed::load_demo(&mut conn, &demo_firm(now), "not-a-real-hash", now).expect("seed");
    assert_eq!(report.accounts, 2000);
    let risks = risk::portfolio(&mut conn, None).expect("figures");
    assert_eq!(risks.len(), 2000, "every account has stored figures");
    for code in FlagCode::ALL {
        let count = risks.iter().filter(|risk| risk.has_flag(*code)).count();
        assert!(count > 0, "no account raises {code}");
    }
    assert!(seed::load_demo(&mut conn, &demo_firm(now), "x", now).is_err(), "a second load is refused");
    assert_eq!(risk::portfolio(&mut conn, None).expect("figures").len(), 2000, "and writes nothing");
});
