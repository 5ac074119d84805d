using System.Net;

namespace Verify.Testing.Web;

/// <summary>Form posts and redirects the way a browser does them, for a cookie-following client.</summary>
public static class Browser
{
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Follows redirects (as GETs) from <paramref name="response"/> until a page.</summary>
    public static async Task<HttpResponseMessage> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        for (var hops = 0; response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found; hops++)
        {
            if (hops >= 10)
            {
                throw new InvalidOperationException("Redirect loop.");
            }

            var location = response.Headers.Location!;
            response = await client.GetAsync(location.IsAbsoluteUri || client.BaseAddress is not null ? location : new Uri(response.RequestMessage!.RequestUri!, location))
                .ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>Submits the page's first form (with antiforgery token and checked values), overriding <paramref name="set"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, HttpResponseMessage page, string? selector = null, params (string Name, string Value)[] set)
    {
        var html = await page.Content.ReadAsStringAsync().ConfigureAwait(false);
        var (action, fields) = Html.Form(html, selector);
        foreach (var (name, value) in set)
        {
            fields[name] = value;
        }

        var target = new Uri(page.RequestMessage!.RequestUri!, action).AbsoluteUri;
        return await client.PostFormAsync(target, fields).ConfigureAwait(false);
    }
}
