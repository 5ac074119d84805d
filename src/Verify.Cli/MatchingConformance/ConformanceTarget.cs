namespace Verify.Cli.MatchingConformance;

/// <summary>The department's endpoints under test and the time each answer may take.</summary>
/// <param name="MatchUrl">Verify's local matching service URL (match requests).</param>
/// <param name="AccountCreationUrl">Verify's account creation URL; scenarios that need it are skipped without it.</param>
/// <param name="Timeout">Per request.</param>
internal sealed record ConformanceTarget(Uri MatchUrl, Uri? AccountCreationUrl, TimeSpan Timeout);
