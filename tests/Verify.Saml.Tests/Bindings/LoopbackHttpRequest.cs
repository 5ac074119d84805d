namespace Verify.Saml.Tests.Bindings;

/// <summary>One HTTP request as <see cref="LoopbackHttpServer"/> received it.</summary>
/// <param name="RequestLine">E.g. <c>POST /soap HTTP/1.1</c>.</param>
/// <param name="Headers">Header names lowercased; the last value wins.</param>
/// <param name="Body">The body (Content-Length bytes).</param>
internal sealed record LoopbackHttpRequest(string RequestLine, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
