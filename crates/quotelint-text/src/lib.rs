//! How quotelint reads English text, below any knowledge of Markdown, quotations or the record:
//! [`scan`] finds words (one reading, shared by extraction and matching), and [`normalize`]
//! folds them (case, diacritics, contractions, British and American spelling) so that two
//! renderings of one remark compare equal where they say the same thing. The English words the
//! reading goes by are data, in [`lexicon`].
//!
//! The crate depends on nothing of quotelint's: the build script uses it to normalize the
//! embedded record with the very code that normalizes articles at run time.

pub mod lexicon;
pub mod normalize;
pub mod scan;
