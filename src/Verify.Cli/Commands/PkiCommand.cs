using System.CommandLine;
using System.Security.Cryptography;

using Verify.Pki;

namespace Verify.Cli.Commands;

/// <summary>
/// <c>verify pki</c>: federation keys and certificates. <c>verify pki sample [--out DIR] [--force]</c>
/// writes the sample federation PKI (development only) as PEM files.
/// </summary>
internal sealed class PkiCommand(TimeProvider timeProvider) : ICommandFactory
{
    /// <summary>Where <c>pki sample</c> writes when no <c>--out</c> is given, relative to the current directory.</summary>
    public const string DefaultSampleFolder = "certs-sample";

    private readonly TimeProvider _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

    /// <inheritdoc />
    public Command Create()
    {
        var pki = new Command("pki", "Federation keys and certificates.");
        pki.Subcommands.Add(CreateSampleCommand());
        return pki;
    }

    private Command CreateSampleCommand()
    {
        var outOption = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the PEM files and README to.",
            HelpName = "DIR",
            DefaultValueFactory = _ => new DirectoryInfo(DefaultSampleFolder),
        };
        var forceOption = new Option<bool>("--force")
        {
            Description = "Replace files that already exist.",
        };

        var sample = new Command(
            "sample",
            "Generate the sample federation PKI (root, per-role CAs, leaves, TLS, negative-test certificates) "
            + "as PEM files. Development and tests only: the keys are not secret.")
        {
            outOption,
            forceOption,
        };
        sample.SetAction(parseResult => WriteSample(
            parseResult.GetRequiredValue(outOption),
            parseResult.GetValue(forceOption),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return sample;
    }

    private int WriteSample(DirectoryInfo outFolder, bool force, TextWriter output, TextWriter error)
    {
        var folder = outFolder.FullName;

        // Refuse before generating: making the keys takes seconds and the answer would be the same.
        var existing = SamplePkiWriter.FindExisting(folder, SamplePkiGenerator.FileNames);
        if (existing.Count > 0 && !force)
        {
            error.WriteLine(
                $"verify pki sample: {existing.Count} file(s) already exist in '{folder}' "
                + $"(e.g. '{Path.GetFileName(existing[0])}'). Pass --force to replace them.");
            return ExitCodes.Refused;
        }

        try
        {
            using var pki = new SamplePkiGenerator(_timeProvider).Generate();
            var files = pki.ToFiles();
            SamplePkiWriter.Write(folder, files, overwrite: force);
            output.WriteLine($"Wrote {files.Count} files of the sample federation PKI to '{folder}'.");
            output.WriteLine("Development and tests only: never use these keys or certificates anywhere else.");
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            error.WriteLine($"verify pki sample: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
