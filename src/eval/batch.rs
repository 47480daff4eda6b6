//! Records evaluated together, and the relations among them (`relation NAME = records with
//! the same KEY, …`): for each record and relation, the other records of its group.
//!
//! A group is the records whose key fields have the same values. A record is never a member
//! of its own relation, nor is a record with its `id` (the same project, given twice: a
//! copied file is not another project of the unit). Groups are found once per batch, by
//! hashing the keys, so building a batch is linear in its records and quantifying over a
//! relation costs the size of the group.

use std::collections::HashMap;

use crate::pack::Pack;
use crate::record::Facts;
use crate::value::Value;
use crate::verdict::RecordSource;

/// One record of a batch: its facts, and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// The record's facts.
    pub facts: &'a Facts,
    /// Where it was read from, if the caller says.
    pub source: Option<RecordSource<'a>>,
}

/// The records evaluated together, grouped by each relation of the pack.
#[derive(Debug)]
pub struct Batch<'a> {
    members: Vec<Member<'a>>,
    /// Each record's `id`.
    ids: Vec<&'a str>,
    /// By relation: the groups, each the indices of its records in batch order.
    groups: Vec<Vec<Vec<usize>>>,
    /// By relation: the group of each record.
    group_of: Vec<Vec<usize>>,
}

impl<'a> Batch<'a> {
    /// Groups `members` by every relation of `pack`.
    pub fn new(pack: &Pack, members: Vec<Member<'a>>) -> Self {
        let id = super::slot_of(pack, "id");
        let ids = members
            .iter()
            .map(|member| super::text_at(member.facts, id))
            .collect();
        let (mut groups, mut group_of) = (Vec::new(), Vec::new());
        for relation in &pack.relations {
            let (found, of) = group(&members, &relation.keys);
            groups.push(found);
            group_of.push(of);
        }
        Batch {
            members,
            ids,
            groups,
            group_of,
        }
    }

    /// A batch of one record, which has no other records to relate to.
    pub fn one(pack: &Pack, facts: &'a Facts) -> Self {
        Self::new(
            pack,
            vec![Member {
                facts,
                source: None,
            }],
        )
    }

    /// How many records the batch holds.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the batch holds no record.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Record `index`.
    pub fn member(&self, index: usize) -> Option<&Member<'a>> {
        self.members.get(index)
    }

    /// Record `index`'s `id`.
    pub fn id(&self, index: usize) -> &'a str {
        self.ids.get(index).copied().unwrap_or_default()
    }

    /// The members of `relation` for record `own`: the other records of its group, not
    /// those with its `id`, in batch order.
    pub fn related(&self, relation: usize, own: usize) -> impl Iterator<Item = usize> + '_ {
        let group = self
            .group_of
            .get(relation)
            .and_then(|of| of.get(own))
            .and_then(|&g| self.groups.get(relation)?.get(g))
            .map_or(&[][..], Vec::as_slice);
        let id = self.id(own);
        group
            .iter()
            .copied()
            .filter(move |&other| other != own && self.id(other) != id)
    }
}

/// The groups of records whose key slots hold equal values, and each record's group.
fn group(members: &[Member<'_>], keys: &[usize]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut index: HashMap<Vec<Key<'_>>, usize> = HashMap::with_capacity(members.len());
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = Vec::with_capacity(members.len());
    for (i, member) in members.iter().enumerate() {
        let key: Vec<Key<'_>> = keys
            .iter()
            .map(|&slot| key_of(member.facts, slot))
            .collect();
        let next = groups.len();
        let g = if key.contains(&Key::Absent) {
            next
        } else {
            *index.entry(key).or_insert(next)
        };
        if g == next {
            groups.push(Vec::new());
        }
        if let Some(group) = groups.get_mut(g) {
            group.push(i);
        }
        group_of.push(g);
    }
    (groups, group_of)
}

/// A key field's value, as compared: the checker allows text, terms and integers.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Key<'a> {
    Text(&'a str),
    Term(u32, u32),
    Int(i64),
    /// Absent: a key is required, so only a record that skipped validation has none; it is
    /// related to no other record.
    Absent,
}

fn key_of(facts: &Facts, slot: usize) -> Key<'_> {
    match facts.values.get(slot) {
        Some(Some(Value::Text(text))) => Key::Text(text),
        Some(Some(Value::Term(term))) => Key::Term(term.vocabulary, term.index),
        Some(Some(Value::Int(i))) => Key::Int(*i),
        _ => Key::Absent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    /// A pack whose one relation is keyed by an integer field.
    fn pack() -> Pack {
        let text = r#"
pack "批次示例" {
  edition  示例
  version  1.0
  effective 2020-01-01
  messages {
    not_applicable "不适用"
    out_of_scope   "不在范围内"
    retroactive    "{due}早于{effective}"
    unknown        "缺少：{missing}"
  }
}
record {
  id    text required "编号"
  name  text required "名称"
  batch integer required "批次"
}
relation 同批 "同一批次的其他记录" = records with the same batch
"#;
        crate::embedded::compile(&[Source::new("pack.banfa", text)]).expect("the pack checks")
    }

    fn facts(pack: &Pack, id: &str, batch: i64) -> Facts {
        let yaml = format!("id: {id}\nname: 项目\nbatch: {batch}\n");
        crate::record::load(&Source::new("r.yaml", yaml), pack).expect("the record loads")
    }

    #[test]
    fn records_with_the_same_integer_key_are_related_and_others_not() {
        let pack = pack();
        let records = [
            facts(&pack, "A", 1),
            facts(&pack, "B", 1),
            facts(&pack, "C", 2),
        ];
        let members = records
            .iter()
            .map(|facts| Member {
                facts,
                source: None,
            })
            .collect();
        let batch = Batch::new(&pack, members);
        assert_eq!((batch.len(), batch.is_empty()), (3, false));
        assert_eq!(batch.related(0, 0).collect::<Vec<_>>(), [1]);
        assert_eq!(batch.related(0, 1).collect::<Vec<_>>(), [0]);
        assert_eq!(batch.related(0, 2).count(), 0);
        let one = Batch::one(&pack, &records[2]);
        assert_eq!((one.len(), one.is_empty()), (1, false));
        assert!(Batch::new(&pack, Vec::new()).is_empty());
    }
}
