//! Which pages may be the citation a help line suggests. A record entry's `source` is what
//! `unsourced` and the other checks tell an editor to cite; a mirror, a forum, a blog or an
//! advocacy site may be where the compilers read a text (its `provenance`), but an editor
//! should cite the original. The sites are data, each with the reason given when one is the
//! `source`.

/// Hosts (and their subdomains) that are never a suggested citation, with what they are.
pub(crate) const NOT_CITABLE: &[(&str, &str)] = &[
    ("larouchepac.com", "an advocacy site"),
    ("larouchepub.com", "an advocacy site"),
    ("mrctv.org", "an advocacy site"),
    ("docslib.org", "a copy of a document published elsewhere"),
    ("fdocuments.us", "a copy of a document published elsewhere"),
    ("scribd.com", "a copy of a document published elsewhere"),
    ("almendron.com", "a copy of articles published elsewhere"),
    ("wufengqin.com", "a copy of articles published elsewhere"),
    ("eaglegazette.co", "a copy of articles published elsewhere"),
    ("techdiplomacy.org", "a copy of documents published elsewhere"),
    ("myvideo.cc", "a copy of videos published elsewhere"),
    ("pledgetimes.com", "a site rewriting other outlets' reports"),
    ("tistory.com", "a blog"),
    ("blogspot.com", "a blog"),
    ("windowstorussia.com", "a blog"),
    ("themmacommunity.com", "a forum"),
    ("newagtalk.com", "a forum"),
    ("reddit.com", "a forum"),
    ("quora.com", "a forum"),
];

/// The host of a URL (`https://www.example.org/x` → `www.example.org`), lower-cased.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    host.split(':').next().unwrap_or_default().to_ascii_lowercase()
}

/// Why `url` may not be a suggested citation, if it may not.
pub(crate) fn not_citable(url: &str) -> Option<(&'static str, &'static str)> {
    let host = host(url);
    NOT_CITABLE
        .iter()
        .copied()
        .find(|(site, _)| host == *site || host.strip_suffix(site).is_some_and(|sub| sub.ends_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_and_their_subdomains_are_known_by_host() {
        assert_eq!(
            not_citable("http://archive.larouchepac.com/node/30528").map(|(s, _)| s),
            Some("larouchepac.com")
        );
        assert_eq!(not_citable("https://kangilee.tistory.com/18084230").map(|(_, why)| why), Some("a blog"));
        assert_eq!(not_citable("HTTPS://User@DocsLib.org:443/doc/1").map(|(s, _)| s), Some("docslib.org"));
        // A host that merely ends with the same letters is another site; a path is no host.
        assert_eq!(not_citable("https://notlarouchepac.com/x"), None);
        assert_eq!(not_citable("https://www.nato.int/docslib.org"), None);
        assert_eq!(not_citable("https://www.nato.int/cps/en/natohq/official_texts_25468.htm"), None);
    }
}
