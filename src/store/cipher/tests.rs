use super::*;

fn slot_for(cipher: &StoreCipher, passphrase: &str) -> KeySlot {
    KeySlot::new(passphrase, KdfParams::FAST, cipher).unwrap()
}

#[test]
fn a_value_opens_only_under_its_own_tree_and_key() {
    let cipher = StoreCipher::generate(SEALED_A);
    let sealed = cipher.seal(
        "pupils",
        &1u64.to_be_bytes(),
        b"\x01{\"first_name\":\"Sanne\"}",
    );
    assert_eq!(sealed[0], SEALED_A);
    let opened = cipher.open("pupils", &1u64.to_be_bytes(), &sealed).unwrap();
    assert_eq!(opened.as_slice(), b"\x01{\"first_name\":\"Sanne\"}");
    assert!(
        cipher
            .open("pupils", &2u64.to_be_bytes(), &sealed)
            .is_none(),
        "moved key"
    );
    assert!(
        cipher
            .open("members", &1u64.to_be_bytes(), &sealed)
            .is_none(),
        "moved tree"
    );
    let mut changed = sealed.clone();
    *changed.last_mut().unwrap() ^= 1;
    assert!(
        cipher
            .open("pupils", &1u64.to_be_bytes(), &changed)
            .is_none(),
        "changed byte"
    );
}

#[test]
fn the_same_value_sealed_twice_differs_and_shows_no_plain_text() {
    let cipher = StoreCipher::generate(SEALED_A);
    let one = cipher.seal("notes", b"k", b"Sanne leest slecht");
    let two = cipher.seal("notes", b"k", b"Sanne leest slecht");
    assert_ne!(one, two, "a fresh nonce each time");
    assert!(!one.windows(5).any(|w| w == b"Sanne"));
}

#[test]
fn another_data_key_does_not_open_a_value() {
    let one = StoreCipher::generate(SEALED_A);
    let other = StoreCipher::generate(SEALED_A);
    let sealed = one.seal("notes", b"k", b"tekst");
    assert!(other.open("notes", b"k", &sealed).is_none());
}

#[test]
fn the_key_slot_opens_with_the_passphrase_only() {
    let cipher = StoreCipher::generate(SEALED_B);
    let slot = slot_for(&cipher, "correct paard batterij");
    assert!(matches!(
        slot.open("verkeerd"),
        Err(StoreError::WrongPassphrase)
    ));
    let opened = slot.open("correct paard batterij").unwrap();
    assert_eq!(opened.format(), SEALED_B);
    let sealed = cipher.seal("notes", b"k", b"tekst");
    assert_eq!(
        opened.open("notes", b"k", &sealed).unwrap().as_slice(),
        b"tekst"
    );
}

#[test]
fn a_wrapped_key_is_reached_through_the_other() {
    let old = StoreCipher::generate(SEALED_A);
    let new = StoreCipher::generate(SEALED_B);
    let wrapped = new.wrap_with(&old);
    let reached = old.unwrap(SEALED_B, &wrapped).unwrap();
    let sealed = new.seal("notes", b"k", b"tekst");
    assert_eq!(
        reached.open("notes", b"k", &sealed).unwrap().as_slice(),
        b"tekst"
    );
    assert!(
        new.unwrap(SEALED_A, &wrapped).is_err(),
        "not with the wrong key"
    );
}

#[test]
fn a_sealed_file_opens_with_its_passphrase_and_kind_only() {
    let cipher = StoreCipher::generate(SEALED_A);
    let slot = slot_for(&cipher, "geheim");
    let file = cipher.seal_file(&slot, "backup", b"alle leerlingen: Sanne, Daan");
    assert!(!file.windows(5).any(|w| w == b"Sanne"));
    let opened = open_file(&file, "backup", "geheim").unwrap();
    assert_eq!(opened.as_slice(), b"alle leerlingen: Sanne, Daan");
    assert!(matches!(
        open_file(&file, "backup", "fout"),
        Err(StoreError::WrongPassphrase)
    ));
    assert!(matches!(
        open_file(&file, "export", "geheim"),
        Err(StoreError::Damaged(_))
    ));
    assert!(matches!(
        open_file(&file[..file.len() - 1], "backup", "geheim"),
        Err(StoreError::Damaged(_))
    ));
    assert!(matches!(
        open_file(b"plain text", "backup", "geheim"),
        Err(StoreError::Damaged(_))
    ));
}

#[test]
fn a_slot_of_an_unknown_key_derivation_is_refused() {
    let cipher = StoreCipher::generate(SEALED_A);
    let slot = KeySlot {
        kdf: "scrypt".into(),
        ..slot_for(&cipher, "p")
    };
    assert!(matches!(slot.open("p"), Err(StoreError::Damaged(_))));
}
