//! Folding text for search: lowercase, diacritics removed, so `celik` finds Çelik and
//! `zoe` finds Zoë.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut folded);
    }
    folded
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'ß' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'ı' => out.push('i'),
        'đ' | 'Đ' => out.push('d'),
        // Dashes and typographic quotes, so a pasted "–" matches a typed "-".
        '–' | '—' => out.push('-'),
        '‘' | '’' => out.push('\''),
        '“' | '”' => out.push('"'),
        _ => {
            for base in std::iter::once(c).nfd().filter(|&m| !is_combining_mark(m)) {
                out.extend(base.to_lowercase());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn removes_diacritics_and_case() {
        assert_eq!(fold("Çelik"), "celik");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Łukasz Wiśniewski"), "lukasz wisniewski");
        assert_eq!(fold("Yıldız Öztürk"), "yildiz ozturk");
        assert_eq!(fold("İbrahim"), "ibrahim");
        assert_eq!(fold("groep 5 – ’t Kompas"), "groep 5 - 't kompas");
    }

    #[test]
    fn leaves_other_scripts_searchable() {
        assert_eq!(fold("يوسف"), "يوسف");
    }
}
