using Verify.Cli;

return CliApplication.CreateDefault(TimeProvider.System).Invoke(args);
