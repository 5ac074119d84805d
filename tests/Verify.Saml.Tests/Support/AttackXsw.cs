using System.Xml;

using Verify.Saml.Xml;

using static Verify.Saml.Tests.Support.AttackMessages;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// The XML signature wrapping catalogue of "On Breaking SAML: Be Whoever You Want to Be" (Somorovsky et
/// al., USENIX Security 2012) as SAML Raider applies it, plus the variants an adaptive attacker would try
/// next (fresh IDs so that a duplicate-ID check does not fire). Each mutates a signed document in place;
/// the evil copy always names <see cref="VictimNameId"/>.
/// </summary>
internal static class AttackXsw
{
    /// <summary>XSW1: the evil Response is the root and keeps the signature; an unsigned copy of the original Response hangs inside that signature (in a ds:Object when <paramref name="inObject"/>).</summary>
    public static void Xsw1(XmlDocument document, bool inObject = false)
    {
        var root = document.DocumentElement!;
        var original = CloneUnsigned(root);
        var signature = Signature(root);
        MakeEvil(root, EvilResponseId);
        XmlNode holder = signature;
        if (inObject)
        {
            holder = signature.AppendChild(Ds(document, "Object"))!;
        }

        holder.AppendChild(original);
    }

    /// <summary>XSW2: as XSW1, with the copy of the original as the evil root's child, right before the signature.</summary>
    public static void Xsw2(XmlDocument document, bool freshAssertionIds = false)
    {
        var root = document.DocumentElement!;
        var original = CloneUnsigned(root);
        var signature = Signature(root);
        MakeEvil(root, EvilResponseId);
        if (freshAssertionIds)
        {
            Assertion(document).SetAttribute("ID", EvilAssertionId);
        }

        root.InsertBefore(original, signature);
    }

    /// <summary>XSW3: an unsigned evil assertion as the signed assertion's previous sibling.</summary>
    public static void Xsw3(XmlDocument document)
    {
        var assertion = Assertion(document);
        var evil = MakeEvil(CloneUnsigned(assertion), EvilAssertionId);
        document.DocumentElement!.InsertBefore(evil, assertion);
    }

    /// <summary>XSW4: an unsigned evil assertion that wraps the signed assertion.</summary>
    public static void Xsw4(XmlDocument document)
    {
        var assertion = Assertion(document);
        var evil = MakeEvil(CloneUnsigned(assertion), EvilAssertionId);
        document.DocumentElement!.ReplaceChild(evil, assertion);
        evil.AppendChild(assertion);
    }

    /// <summary>XSW5: the signed assertion is changed (signature and all); an unsigned copy of the original is appended to the Response.</summary>
    public static void Xsw5(XmlDocument document, bool freshId = true)
    {
        var evil = Assertion(document);
        var original = CloneUnsigned(evil);
        MakeEvil(evil, freshId ? EvilAssertionId : null);
        document.DocumentElement!.AppendChild(original);
    }

    /// <summary>XSW6: as XSW5, with the unsigned copy of the original inside the evil assertion's signature.</summary>
    public static void Xsw6(XmlDocument document)
    {
        var evil = Assertion(document);
        var original = CloneUnsigned(evil);
        MakeEvil(evil, EvilAssertionId);
        Signature(evil).AppendChild(original);
    }

    /// <summary>XSW7: an unsigned evil assertion inside samlp:Extensions before the signed assertion.</summary>
    public static void Xsw7(XmlDocument document, bool freshId = false)
    {
        var assertion = Assertion(document);
        var extensions = document.CreateElement("samlp", "Extensions", XmlNames.Samlp);
        extensions.AppendChild(MakeEvil(CloneUnsigned(assertion), freshId ? EvilAssertionId : null));
        document.DocumentElement!.InsertBefore(extensions, assertion);
    }

    /// <summary>XSW8: the signed assertion is changed (keeping its ID unless <paramref name="freshId"/>); the unsigned original sits in a ds:Object of its signature.</summary>
    public static void Xsw8(XmlDocument document, bool freshId = false)
    {
        var evil = Assertion(document);
        var original = CloneUnsigned(evil);
        MakeEvil(evil, freshId ? EvilAssertionId : null);
        var holder = Signature(evil).AppendChild(Ds(document, "Object"))!;
        holder.AppendChild(original);
    }

    private static XmlElement CloneUnsigned(XmlElement element)
    {
        var clone = (XmlElement)element.CloneNode(deep: true);
        RemoveSignature(clone);
        return clone;
    }
}
