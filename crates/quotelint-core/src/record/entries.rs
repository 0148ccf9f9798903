//! The entries of one kind (roles, people, quotations, events), each decoded when first read.
//!
//! Checking one article reads a handful of the record's entries; decoding all of them cost a
//! one-article run 2.2 M of its 5.2 M instructions. The build embeds each entry of the default
//! record as JSON in two parts, what checks read and the rest ([`super::source::LazyFile`]),
//! the one form it holds them in; every load keeps that text and decodes an entry when it is
//! first read, with its rest only in a full load (whose validation reads them all). Entries
//! from YAML (a user's files, or an embedded file that did not
//! decode when quotelint was built) are decoded as they are loaded and held ready.

use std::fmt;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use quotelint_record::prebuilt::Split;

use super::schema::{Event, Origin, Person, Quotation, Role};

/// An entry kind: entries have ids, know where they came from, and are embedded in two parts.
pub trait Entry: DeserializeOwned + Split {
    fn id(&self) -> &str;
    fn set_origin(&mut self, origin: Origin);
}

macro_rules! entry {
    ($($t:ty),*) => {$(
        impl Entry for $t {
            fn id(&self) -> &str {
                &self.id
            }

            fn set_origin(&mut self, origin: Origin) {
                self.origin = origin;
            }
        }
    )*};
}
entry!(Role, Person, Quotation, Event);

/// An entry to add: decoded, or the build's JSON of it.
pub enum Pending<T> {
    Decoded(T),
    Json(Embedded),
}

/// An embedded entry's JSON: what checks read, and the rest when it is to be read too.
#[derive(Clone, Copy)]
pub struct Embedded {
    pub lean: &'static str,
    pub rest: Option<&'static str>,
}

pub struct Slot<T> {
    value: OnceLock<T>,
    /// The JSON to decode `value` from, when it is not decoded yet.
    json: Option<Embedded>,
    origin: Origin,
}

impl<T: Entry> Slot<T> {
    fn new(entry: Pending<T>, origin: Origin) -> Self {
        match entry {
            Pending::Decoded(mut value) => {
                value.set_origin(origin);
                Slot { value: OnceLock::from(value), json: None, origin }
            }
            Pending::Json(json) => Slot { value: OnceLock::new(), json: Some(json), origin },
        }
    }

    fn get(&self) -> &T {
        self.value.get_or_init(|| {
            let json = self.json.expect("an entry without a value has its JSON");
            // The build wrote this JSON from the decoded entry, and a test decodes every one.
            let mut value: T = serde_json::from_str(json.lean).expect("embedded entry decodes");
            if let Some(rest) = json.rest.filter(|r| !r.is_empty()) {
                value.join(serde_json::from_str(rest).expect("embedded entry decodes"));
            }
            value.set_origin(self.origin);
            value
        })
    }
}

/// The entries of one kind, in record order.
pub struct Entries<T> {
    slots: Vec<Slot<T>>,
    /// An entry was changed in place ([`std::ops::IndexMut`]) since loading: the record is no
    /// longer what the build indexed.
    changed: bool,
}

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries { slots: Vec::new(), changed: false }
    }
}

impl<T: Entry> Entries<T> {
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn reserve(&mut self, additional: usize) {
        self.slots.reserve(additional);
    }

    pub fn capacity(&self) -> usize {
        self.slots.capacity()
    }

    pub fn iter(&self) -> Iter<'_, T> {
        self.slots.iter().map(Slot::get)
    }

    /// How many entries are decoded.
    #[cfg(test)]
    pub fn decoded(&self) -> usize {
        self.slots.iter().filter(|s| s.value.get().is_some()).count()
    }

    /// Whether an entry was changed in place since loading.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Where entry `i` came from, without decoding it.
    pub fn origin(&self, i: usize) -> Origin {
        self.slots[i].origin
    }

    pub fn push(&mut self, entry: Pending<T>, origin: Origin) {
        self.slots.push(Slot::new(entry, origin));
    }

    pub fn replace(&mut self, i: usize, entry: Pending<T>, origin: Origin) {
        self.slots[i] = Slot::new(entry, origin);
    }
}

impl<T: Entry> std::ops::Index<usize> for Entries<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        self.slots[i].get()
    }
}

impl<T: Entry> std::ops::IndexMut<usize> for Entries<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        self.changed = true;
        let slot = &mut self.slots[i];
        slot.get();
        slot.value.get_mut().expect("decoded just now")
    }
}

/// The entries in order, each decoded as it is reached.
pub type Iter<'a, T> = std::iter::Map<std::slice::Iter<'a, Slot<T>>, fn(&'a Slot<T>) -> &'a T>;

impl<'a, T: Entry> IntoIterator for &'a Entries<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T: Entry + fmt::Debug> fmt::Debug for Entries<T> {
    /// Every entry, decoded: what the record holds, however it was loaded.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_decoded_when_first_read_with_its_origin() {
        let mut roles: Entries<Role> = Entries::default();
        let origin = Origin { file: 2, index: 5 };
        let lean = r#"{"id":"pm","title":"Prime minister","single_holder":true}"#;
        roles.push(Pending::Json(Embedded { lean, rest: Some(r#"{"notes":"N"}"#) }), origin);
        assert!(roles.slots[0].value.get().is_none(), "not decoded before it is read");
        assert_eq!(roles.origin(0), origin);
        assert_eq!(roles[0].title, "Prime minister");
        assert_eq!(roles[0].notes.as_deref(), Some("N"), "its rest joined");
        assert_eq!(roles[0].origin, origin);
        roles[0].phrases.push("the premier".into());
        assert_eq!(roles.iter().next().unwrap().phrases, ["the premier"]);
    }
}
