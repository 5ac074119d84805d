using Microsoft.AspNetCore.Http;

using Verify.Saml.Errors;

namespace Verify.Hub.Saml;

/// <summary>A SAML POST form as the binding decoder takes it: one value per field, or refused.</summary>
internal static class FormFields
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new SamlException(SamlErrorCode.BindingMessageMissing, "Expected an HTML form post.");
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            // SAML Bindings 3.5.4: one SAMLRequest/SAMLResponse and at most one RelayState; two of a name is ambiguous.
            if (values.Count != 1)
            {
                throw new SamlException(SamlErrorCode.BindingDuplicateParameter);
            }

            fields[name] = values[0] ?? "";
        }

        return fields;
    }
}
