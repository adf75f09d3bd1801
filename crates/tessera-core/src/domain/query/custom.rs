//! Filters on the library's custom fields (`shoot_date>2025-03-01`, `agency:North`): the parser knows them only
//! when given the fields ([`super::parse_with`]); each value is checked against its field's type here, so a bad one
//! gets the caret like any other filter's.

use super::{CustomFilter, Filter, Op, Parser, QueryError};
use crate::domain::fields::Scalar;

impl Parser<'_> {
    /// A filter on the custom field `name`: the value checked against its type.
    pub(super) fn custom(
        &mut self,
        start: usize,
        negated: bool,
        name: &str,
        (op, op_len): (Op, usize),
        value_start: usize,
    ) -> Result<Filter, QueryError> {
        let Some(field) = self.fields.iter().find(|f| f.name.eq_ignore_ascii_case(name)) else {
            return Err(self.error(start, value_start - start, format!("unknown filter '{name}'")));
        };
        if negated {
            return Err(self.error(
                start,
                value_start - start,
                format!("cannot exclude with '-{name}:' (only -tag: can be negated)"),
            ));
        }
        let op_start = value_start - op_len;
        if op.is_ordering() && !field.kind.is_ordered() {
            return Err(self.error(
                op_start,
                op_len,
                format!("{name} is a {} field: it takes no comparison (use {name}:VALUE)", field.kind.as_str()),
            ));
        }
        let value = self.value(value_start)?;
        if value.text.is_empty() {
            return Err(self.error(start, value.end - start, format!("empty value for {name}: (use {name}:VALUE)")));
        }
        let bad = |reason: String| {
            self.error(
                value.start,
                value.end - value.start,
                format!("bad value for {name}: '{}' ({reason})", value.text),
            )
        };
        let scalar = if field.kind.has_vocabulary() {
            let choice = field.choices.iter().find(|c| c.value.eq_ignore_ascii_case(value.text.trim()));
            let known: Vec<&str> = field.choices.iter().map(|c| c.value.as_str()).collect();
            Scalar::Text(choice.ok_or_else(|| bad(format!("expected one of: {}", known.join(", "))))?.value.clone())
        } else {
            let mut values = field.check(&value.text).map_err(|e| bad(e.to_string()))?;
            values.pop().ok_or_else(|| bad("expected a value".into()))?
        };
        Ok(Filter::Custom(CustomFilter {
            field: field.id,
            name: field.name.clone(),
            kind: field.kind,
            cmp: op.cmp(),
            value: scalar,
        }))
    }
}
