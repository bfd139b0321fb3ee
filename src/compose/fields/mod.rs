//! A template's questions (fields) and the checking of a draft's answers.
//!
//! Answers are a JSON object mapping field ids to values. Each value is
//! checked against its field's type and limits ([`check`]) and normalised
//! into the shape the template body sees ([`Field::normalize`]). The
//! declarations themselves are in [`schema`]. Also built for the browser.

mod check;
// How the server's evidence library answers evidence questions; the browser
// checks answers without the library.
#[cfg(feature = "ssr")]
mod evidence;
mod normalize;
mod schema;
mod value;

pub use check::{
    check_acceptable, check_answers, check_answers_for_preview, check_one, inline_citations,
    AnswerProblem, CheckedAnswers, EvidenceLookup, InlineCitation,
};
pub use schema::{
    ChoiceOption, Condition, Field, FieldType, Limits, Step, MAX_LONG_TEXT_CHARS, MAX_TEXT_CHARS,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::count_words;
    use serde_json::{json, Value};

    struct NoEvidence;
    impl EvidenceLookup for NoEvidence {
        fn expand(&self, reference: &str, _: &str) -> Result<Value, crate::i18n::Message> {
            Err(crate::i18n::msg!("answer-no-source", source = reference))
        }
    }

    fn field(id: &str, field_type: FieldType) -> Field {
        Field {
            id: id.into(),
            label: id.to_uppercase(),
            help: String::new(),
            field_type,
            required: true,
            default: None,
            step: None,
            condition: None,
            limits: Limits::default(),
            options: vec![ChoiceOption {
                value: "a".into(),
                label: "A".into(),
            }],
            currency: Some("USD".into()),
        }
    }

    fn problems(fields: &[Field], answers: Value) -> Vec<String> {
        check_answers(fields, &answers, "en", &NoEvidence)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn every_type_rejects_the_wrong_shape() {
        use FieldType::*;
        let fields: Vec<_> = [
            Text,
            LongText,
            Number,
            Money,
            Date,
            Choice,
            Boolean,
            Company,
            List,
            EvidenceList,
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| field(&format!("f{i}"), *t))
        .collect();
        let answers = json!({
            "f0": 1, "f1": ["x"], "f2": "ten", "f3": "lots", "f4": "next week",
            "f5": "b", "f6": "yes", "f7": 3, "f8": "x", "f9": ["missing-source"]
        });
        let p = problems(&fields, answers);
        assert_eq!(
            p,
            vec![
            "«F0» (field `f0`): expected text, got the number 1",
            "«F1» (field `f1`): expected text, got a list",
            "«F2» (field `f2`): `ten` is not a number: write it in digits, e.g. 2027 or 1200.50",
            "«F3» (field `f3`): expected an amount, got text `lots`",
            "«F4» (field `f4`): expected a date as YYYY-MM-DD, got `next week`",
            "«F5» (field `f5`): `b` is not one of the options (`a`)",
            "«F6» (field `f6`): expected true or false, got text `yes`",
            "«F7» (field `f7`): expected a company name or an object with `name`, got the number 3",
            "«F8» (field `f8`): expected a list, got text `x`",
            "«F9» (field `f9`): item 1: no source `missing-source` in the evidence library",
        ]
        );
    }

    #[test]
    fn missing_required_unknown_keys_and_limits() {
        let mut text = field("statement", FieldType::LongText);
        text.limits.max_words = Some(3);
        let p = problems(
            &[field("company", FieldType::Company), text],
            json!({"statement": "one two three four", "extra": 1}),
        );
        assert_eq!(
            p,
            vec![
                "«extra» (field `extra`): this template has no such field",
                "«COMPANY» (field `company`): an answer is required",
                "«STATEMENT» (field `statement`): has 4 words; the limit is 3",
            ]
        );
    }

    #[test]
    fn conditions_hide_required_fields_and_values_are_normalised() {
        let mut flag = field("has_lead", FieldType::Boolean);
        flag.required = false;
        let mut lead = field("lead", FieldType::Text);
        lead.condition = Some(Condition {
            field: "has_lead".into(),
            equals: Some(json!(true)),
        });
        let checked = check_answers(
            &[
                flag.clone(),
                lead.clone(),
                field("amount", FieldType::Money),
            ],
            &json!({"has_lead": false, "amount": 2000}),
            "en",
            &NoEvidence,
        )
        .unwrap();
        assert_eq!(checked.0["lead"], Value::Null);
        assert_eq!(
            checked.0["amount"],
            json!({"amount": 2000.0, "currency": "USD"})
        );
        let p = problems(&[flag, lead], json!({"has_lead": true}));
        assert_eq!(p, vec!["«LEAD» (field `lead`): an answer is required"]);
    }

    #[test]
    fn preview_reports_problems_and_fills_placeholders() {
        let fields = [
            field("company", FieldType::Company),
            field("when", FieldType::Date),
            field("n", FieldType::Number),
        ];
        let (checked, problems) = check_answers_for_preview(
            &fields,
            &json!({"n": "many"}),
            "en",
            &NoEvidence,
            "2026-11-30",
        );
        assert_eq!(problems.len(), 3);
        assert_eq!(checked.0["company"]["name"], "[COMPANY]");
        assert_eq!(checked.0["when"], "2026-11-30");
        assert_eq!(checked.0["n"], 0);
    }

    #[test]
    fn inline_citations_are_found_with_their_pinpoints() {
        let text = "As reported [@guardian-2025, p. 4] and [@hrw]. Not [@bad id] nor [@x\n].";
        let found = inline_citations(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].source, "guardian-2025");
        assert_eq!(found[0].pinpoint.as_deref(), Some("p. 4"));
        assert_eq!(&text[found[0].range.clone()], "[@guardian-2025, p. 4]");
        assert_eq!(found[1].source, "hrw");
        assert_eq!(found[1].pinpoint, None);
    }

    #[test]
    fn words_are_counted_as_a_reader_counts_them() {
        assert_eq!(
            count_words("A well-known company's 2,000 shares — held 3.5 years."),
            8
        );
    }
}
