namespace Verify.Saml.Saml;

/// <summary>
/// A GPG 45 fraud indicator (attribute <c>FECI_GPG45Status</c>). Written as <c>xsi:type="ida:Gpg45StatusType"</c>;
/// read from that type or, for that attribute, from a plain string. Only <c>DF01</c>, <c>FI01</c> and
/// <c>IT01</c> are accepted.
/// </summary>
/// <param name="Value">The indicator.</param>
public sealed record Gpg45StatusValue(Gpg45Status Value) : AttributeValue
{
    /// <summary>The wire text of an indicator.</summary>
    public static string ToWireText(Gpg45Status status) => status switch
    {
        Gpg45Status.DF01 => "DF01",
        Gpg45Status.FI01 => "FI01",
        Gpg45Status.IT01 => "IT01",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Parses the wire text of an indicator; the match is exact.</summary>
    public static bool TryParseWireText(string text, out Gpg45Status status)
    {
        switch (text)
        {
            case "DF01":
                status = Gpg45Status.DF01;
                return true;
            case "FI01":
                status = Gpg45Status.FI01;
                return true;
            case "IT01":
                status = Gpg45Status.IT01;
                return true;
            default:
                status = default;
                return false;
        }
    }
}
