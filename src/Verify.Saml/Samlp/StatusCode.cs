namespace Verify.Saml.Samlp;

/// <summary>
/// A <c>samlp:StatusCode</c> (SAML Core 3.2.2.2): a code URI and, optionally, a nested code that refines it.
/// The reader limits the nesting depth.
/// </summary>
/// <param name="Value">The code URI (see <see cref="StatusCodes"/>).</param>
/// <param name="SubCode">The nested, more specific code.</param>
public sealed record StatusCode(string Value, StatusCode? SubCode = null)
{
    /// <summary>The codes from the top level down, this code first.</summary>
    public IEnumerable<string> Values
    {
        get
        {
            for (var code = this; code is not null; code = code.SubCode)
            {
                yield return code.Value;
            }
        }
    }
}
