namespace Verify.EndToEnd.Tests.Support;

/// <summary>The language the citizen chooses for the hub's pages (ADR 0015).</summary>
public enum PageLanguage
{
    /// <summary>English, the default: no choice made.</summary>
    English,

    /// <summary>Welsh: chosen with the "Cymraeg" link of the language navigation.</summary>
    Welsh,
}
