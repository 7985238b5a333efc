use super::*;

#[test]
fn a_file_holds_every_setting_or_none() {
    let file = parse(
        "language = \"en\"\ntheme = \"beamer\"\nlock_after = 0\nmeeting_minutes = 120\n\
         [monitoring]\nthreshold = 10\nnorm_weeks = 10\nreturn_months = 6\n",
    )
    .unwrap();
    assert_eq!(file.language.as_deref(), Some("en"));
    assert_eq!(file.theme.as_deref(), Some("beamer"));
    assert_eq!(
        (file.lock_after, file.meeting_minutes),
        (Some(0), Some(120))
    );
    let m = file.monitoring;
    assert_eq!(
        (m.threshold, m.norm_weeks, m.return_months),
        (Some(10), Some(10), Some(6))
    );
    assert_eq!(parse("").unwrap(), File::default());
    assert_eq!(parse("# only a comment\n").unwrap(), File::default());
}

#[test]
fn a_wrong_file_says_which_line_and_why() {
    let cases = [
        ("theme = \"beamer\"\nlock_after = \"tien\"\n", 2, "u32"),
        ("theme = \"beamer\"\n\ncolour = \"rood\"\n", 3, "colour"),
        ("language = \"en\"\n[monitoring\n", 2, ""),
        ("meeting_minutes = 90\nlanguage = \"fr\"\n", 2, "fr"),
        ("[monitoring]\nthreshold = 2\n", 2, "threshold = 2"),
        (
            "lock_after = 10\nmeeting_minutes = 5\n",
            2,
            "meeting_minutes",
        ),
    ];
    for (text, line, says) in cases {
        let problem = parse(text).unwrap_err();
        assert_eq!(problem.line, line, "{text:?}: {problem:?}");
        assert!(problem.reason.contains(says), "{text:?}: {problem:?}");
    }
}

/// The command line as `main` reads it, with `text` as config.toml.
fn applied(args: &[&str], text: &str) -> Cli {
    use clap::FromArgMatches;
    let matches = crate::cli::args::command(Lang::Nl.texts())
        .try_get_matches_from(args)
        .unwrap();
    let mut cli = Cli::from_arg_matches(&matches).unwrap();
    let loaded = Loaded {
        file: parse(text).unwrap(),
        exists: true,
        ..Loaded::default()
    };
    apply(&mut cli, &matches, &loaded);
    cli
}

#[test]
fn the_screen_gets_the_monitoring_settings_of_the_file_as_stats_does() {
    let file = "[monitoring]\nthreshold = 10\nnorm_weeks = 6\nreturn_months = 3\n";
    let from_file = crate::monitoring::Settings {
        threshold: 10,
        norm_weeks: 6,
        return_months: 3,
    };
    // No command: the screen's settings are the file's.
    assert_eq!(applied(&["otter"], file).monitoring, from_file);
    assert_eq!(
        applied(&["otter"], "").monitoring,
        crate::monitoring::Settings::default()
    );
    // `otter stats`: a flag wins over the file, and what is in force is the same either way.
    let cli = applied(&["otter", "stats", "--norm-weeks", "20"], file);
    let Some(Command::Stats(args)) = &cli.command else {
        panic!("stats parsed as {:?}", cli.command);
    };
    assert_eq!((args.norm_weeks, args.threshold), (20, 10));
    assert_eq!(
        cli.monitoring,
        crate::monitoring::Settings {
            norm_weeks: 20,
            ..from_file
        }
    );
}
