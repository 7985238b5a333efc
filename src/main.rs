fn main() -> std::process::ExitCode {
    otter::cli::main()
}
