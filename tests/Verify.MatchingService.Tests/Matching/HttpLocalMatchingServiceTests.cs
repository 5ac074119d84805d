using System.Net;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using Verify.MatchingService.Matching.Http;
using Verify.MatchingService.Tests.Support;
using Verify.Saml.Saml;
using Verify.Saml.Validation;

namespace Verify.MatchingService.Tests.Matching;

/// <summary>
/// A department's own local matching service over Verify's JSON, behind the matching service's SOAP endpoint: its
/// answers become the hub's answers; a slow, broken or oversized answer is a Responder error, never a match.
/// </summary>
public sealed class HttpLocalMatchingServiceTests
{
    private static readonly string[] AccountCreationFields = ["hashedPid", "levelOfAssurance"];

    private WebApplication _department = null!;
    private Uri _baseUrl = null!;
    private readonly List<JsonElement> _received = [];
    private Func<HttpContext, Task> _answer = null!;

    [SetUp]
    public async Task StartDepartmentServiceAsync()
    {
        _received.Clear();
        var port = MatchingServiceHost.FreePort();
        _baseUrl = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(_baseUrl.AbsoluteUri);
        _department = builder.Build();
        _department.MapPost("/{operation}", async (HttpContext http) =>
        {
            _received.Add(await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body));
            await _answer(http);
        });
        await _department.StartAsync();
    }

    [TearDown]
    public async Task StopDepartmentServiceAsync()
    {
        await _department.StopAsync();
        await _department.DisposeAsync();
    }

    [Test]
    public async Task Match_FromTheDepartmentsService_IsAMatchWithVerifysRequestShape()
    {
        _answer = http => http.Response.WriteAsJsonAsync(new { result = "match" });
        await using var host = await StartAsync();
        using var hub = new TestHub(host);

        var answer = await hub.AskAsync(hub.Query(), Parties.HashedPid("pid-robert-at-idp-one"));

        var request = _received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.Match));
            Assert.That(request.GetProperty("hashedPid").GetString(), Is.EqualTo(Parties.HashedPid("pid-robert-at-idp-one")));
            Assert.That(request.GetProperty("levelOfAssurance").GetString(), Is.EqualTo("LEVEL_2"));
            Assert.That(request.GetProperty("matchingDataset").GetProperty("firstName").GetProperty("value").GetString(), Is.EqualTo("Robert"));
            Assert.That(request.GetProperty("matchingDataset").GetProperty("dateOfBirth").GetProperty("value").GetString(), Is.EqualTo("1980-10-03"));
            Assert.That(request.GetProperty("matchingDataset").GetProperty("addresses")[0].GetProperty("postCode").GetString(), Is.EqualTo("LS1 4AB"));
        });
    }

    [Test]
    public async Task NoMatch_FromTheDepartmentsService_IsANoMatch()
    {
        _answer = http => http.Response.WriteAsJsonAsync(new { result = "no-match" });
        await using var host = await StartAsync();
        using var hub = new TestHub(host);

        Assert.That((await hub.AskAsync(hub.Query())).Outcome, Is.EqualTo(MatchingServiceOutcome.NoMatch));
    }

    [Test]
    public async Task AccountCreation_PostsVerifysShape_AndReturnsTheAttributes()
    {
        _answer = http => http.Response.WriteAsJsonAsync(new { result = "success" });
        await using var host = await StartAsync();
        using var hub = new TestHub(host);

        var answer = await hub.AskAsync(hub.AccountCreation(hub.Query(), AccountCreationAttributeNames.Surname));

        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.AccountCreated));
            Assert.That(_received.Single().EnumerateObject().Select(p => p.Name), Is.EquivalentTo(AccountCreationFields));
            Assert.That(((PersonNameValue)answer.Attributes.Single().Values[0]).Value, Is.EqualTo("Smith"));
        });
    }

    [TestCase("garbage", "VM2002")]
    [TestCase("error", "VM2002")]
    [TestCase("huge", "VM2002")]
    [TestCase("slow", "VM2001")]
    public async Task BrokenDepartmentService_IsAResponderError_NeverAMatch(string behaviour, string expectedErrorId)
    {
        _answer = behaviour switch
        {
            "garbage" => http => http.Response.WriteAsJsonAsync(new { result = "maybe" }),
            "error" => Fail,
            "huge" => http => http.Response.WriteAsJsonAsync(new { result = "match", padding = new string('x', 64 * 1024) }),
            _ => SlowAsync,
        };
        await using var host = await StartAsync();
        using var hub = new TestHub(host);
        var query = hub.Query();

        var answer = await hub.ValidateAsync(await hub.SendAsync(hub.Compose(query)), query.Id);

        Assert.Multiple(() =>
        {
            Assert.That(answer.Outcome, Is.EqualTo(MatchingServiceOutcome.ResponderError));
            Assert.That(answer.StatusMessage, Is.EqualTo(expectedErrorId));
        });
    }

    private static Task Fail(HttpContext http)
    {
        http.Response.StatusCode = 500;
        return Task.CompletedTask;
    }

    private static async Task SlowAsync(HttpContext http)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), http.RequestAborted);
        await http.Response.WriteAsJsonAsync(new { result = "match" });
    }

    private Task<MatchingServiceHost> StartAsync() => MatchingServiceHost.StartAsync(matching: _ => new HttpLocalMatchingService(
        new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }),
        new HttpLocalMatchingServiceOptions
        {
            MatchUrl = new Uri(_baseUrl, "match"),
            AccountCreationUrl = new Uri(_baseUrl, "create"),
            Timeout = TimeSpan.FromSeconds(1),
        }));
}
