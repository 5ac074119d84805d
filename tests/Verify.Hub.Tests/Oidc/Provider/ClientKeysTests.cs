using System.Net;

using Microsoft.Extensions.Time.Testing;

using Verify.Hub.Oidc.Provider.Clients;

namespace Verify.Hub.Tests.Oidc.Provider;

/// <summary>The guard on a client's <c>jwks_uri</c>: the hub fetches no key from inside its own network.</summary>
public sealed class ClientKeysTests
{
    [TestCase("127.0.0.1", true)]
    [TestCase("10.1.2.3", true)]
    [TestCase("172.16.0.1", true)]
    [TestCase("172.31.255.255", true)]
    [TestCase("192.168.1.1", true)]
    [TestCase("169.254.169.254", true, TestName = "IsInternal_CloudMetadataAddress")]
    [TestCase("100.64.0.1", true)]
    [TestCase("0.0.0.0", true)]
    [TestCase("::1", true)]
    [TestCase("fe80::1", true)]
    [TestCase("fd00::1", true)]
    [TestCase("::ffff:10.0.0.1", true, TestName = "IsInternal_MappedPrivateAddress")]
    [TestCase("172.32.0.1", false)]
    [TestCase("8.8.8.8", false)]
    [TestCase("2001:4860:4860::8888", false)]
    public void IsInternal(string address, bool expected) =>
        Assert.That(ClientKeys.IsInternal(IPAddress.Parse(address)), Is.EqualTo(expected));

    [TestCase("https://127.0.0.1/jwks")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://10.0.0.1/jwks")]
    [TestCase("http://example.org/jwks")]
    public async Task GetAsync_RefusesAnInternalOrPlainHttpUri(string uri)
    {
        var keys = new ClientKeys(new FakeTimeProvider(), allowLoopback: false);
        Assert.That(await keys.GetAsync(new Uri(uri), CancellationToken.None), Is.Null);
    }
}
