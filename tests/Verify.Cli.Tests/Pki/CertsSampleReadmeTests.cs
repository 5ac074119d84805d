using System.Text.RegularExpressions;

using Verify.Pki;
using Verify.Testing;

namespace Verify.Cli.Tests.Pki;

/// <summary>certs-sample/README.md describes every file in the folder and warns against using any of it.</summary>
[TestFixture]
public sealed partial class CertsSampleReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.CertsSample, "README.md"));

    [Test]
    public void Readme_HasATableRowForEveryFileInTheFolder()
    {
        var files = Directory.GetFiles(RepoPaths.CertsSample).Select(Path.GetFileName).ToList();

        Assert.That(files, Is.Not.Empty);
        Assert.That(files, Is.SubsetOf(TableFileNames()));
    }

    [Test]
    public void Readme_ListsNoFileThatIsNotInTheFolder()
    {
        var files = Directory.GetFiles(RepoPaths.CertsSample).Select(Path.GetFileName);

        Assert.That(TableFileNames(), Is.SubsetOf(files));
    }

    [Test]
    public void Readme_WarnsThatNothingMayBeUsedOutsideDevelopment()
    {
        Assert.That(Readme, Does.Contain("Never use any key or certificate in this folder outside development and tests"));
        Assert.That(Readme, Does.Contain(SampleCertificates.Organization));
    }

    private static List<string> TableFileNames()
    {
        return TableRow().Matches(Readme).Select(match => match.Groups["file"].Value).ToList();
    }

    [GeneratedRegex(@"^\| `(?<file>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
