using Verify.Cli.Commands;
using Verify.Cli.Tests.Support;
using Verify.Pki;
using Verify.Testing;

namespace Verify.Cli.Tests.Commands;

/// <summary><c>verify pki sample</c>, run in-process through <see cref="CliApplication"/> and as a process.</summary>
[TestFixture]
public sealed class PkiSampleCommandTests
{
    private readonly List<string> _folders = [];
    private string _generated = null!;
    private CliRun _run = null!;

    [OneTimeSetUp]
    public void GenerateOnce()
    {
        _generated = NewFolder();
        _run = CliRun.InProcess("pki", "sample", "--out", _generated);
    }

    [OneTimeTearDown]
    public void DeleteFolders()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void PkiSample_ExitsZeroAndSaysItIsForDevelopmentOnly()
    {
        Assert.That(_run.ExitCode, Is.EqualTo(ExitCodes.Success), _run.Error);
        Assert.That(_run.Output, Does.Contain("Development and tests only"));
        Assert.That(_run.Error, Is.Empty);
    }

    [Test]
    public void PkiSample_WritesTheSameFileNamesAsTheCommittedSample()
    {
        Assert.That(FileNames(_generated), Is.EquivalentTo(FileNames(RepoPaths.CertsSample)));
    }

    [Test]
    public void PkiSample_WritesChainsThatOpenSslVerifies()
    {
        var failures = SampleChains.InDate
            .Select(chain => OpenSsl.Verify(_generated, chain.Certificate, chain.Intermediate))
            .Where(result => result.ExitCode != 0)
            .ToList();

        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    [Test]
    public void PkiSample_RefusesToOverwriteAnExistingFileWithoutForce()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var existing = Path.Combine(folder, "hub-signing.key");
        File.WriteAllText(existing, "keep me");

        var run = CliRun.InProcess("pki", "sample", "--out", folder);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Refused));
            Assert.That(run.Error, Does.Contain("--force").And.Contain("hub-signing.key"));
            Assert.That(File.ReadAllText(existing), Is.EqualTo("keep me"));
            Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public void PkiSample_WithForce_ReplacesExistingFiles()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var existing = Path.Combine(folder, "root-ca.crt");
        File.WriteAllText(existing, "stale");

        var run = CliRun.InProcess("pki", "sample", "--out", folder, "--force");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(File.ReadAllText(existing), Does.StartWith("-----BEGIN CERTIFICATE-----"));
        Assert.That(OpenSsl.Verify(folder, "stub-idp-signing", "idp-ca").ExitCode, Is.Zero);
    }

    [Test]
    public void PkiSample_WithoutOut_WritesToCertsSampleUnderTheCurrentDirectory()
    {
        var parse = CliApplication.CreateDefault(TimeProvider.System).BuildRootCommand().Parse(["pki", "sample"]);

        var folder = parse.GetValue<DirectoryInfo>("--out");

        Assert.That(parse.Errors, Is.Empty);
        Assert.That(folder!.FullName, Is.EqualTo(Path.Combine(Environment.CurrentDirectory, PkiCommand.DefaultSampleFolder)));
    }

    [Test]
    public void VerifyProcess_PkiSample_WritesAPkiThatOpenSslVerifies()
    {
        var folder = NewFolder();
        var verifyDll = Path.Combine(AppContext.BaseDirectory, "verify.dll");

        var result = ExternalProcess.Run("dotnet", [verifyDll, "pki", "sample", "--out", folder]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(FileNames(folder), Is.EquivalentTo(SamplePkiGenerator.FileNames));
        Assert.That(OpenSsl.Verify(folder, "tls", "tls-ca", "-purpose", "sslserver").ExitCode, Is.Zero);
    }

    private static IEnumerable<string?> FileNames(string folder)
    {
        return Directory.GetFiles(folder).Select(Path.GetFileName);
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "verify-pki-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return folder;
    }
}
