namespace Verify.Pki;

/// <summary>One file of a written sample PKI: its name inside the output folder and its text.</summary>
/// <param name="FileName">The bare file name, e.g. <c>hub-signing.crt</c>.</param>
/// <param name="Content">The file's text (PEM or Markdown, LF line ends).</param>
/// <param name="IsPrivateKey">True for private keys, which are written readable by the owner only.</param>
public sealed record SamplePkiFile(string FileName, string Content, bool IsPrivateKey);
