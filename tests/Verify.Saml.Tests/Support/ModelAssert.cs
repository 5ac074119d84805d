using System.Collections;
using System.Reflection;
using System.Xml;

namespace Verify.Saml.Tests.Support;

/// <summary>
/// Structural comparison of model records: properties with a setter are compared recursively, lists item by
/// item, XML elements by their markup. <c>Source</c> and <c>Signature</c> are skipped, since they record where a
/// model was read from, not what it says. Record equality cannot do this: it compares lists by reference.
/// </summary>
public static class ModelAssert
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "Source", "Signature" };

    public static void AreEquivalent(object? expected, object? actual) => Compare(expected, actual, "$");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.That(actual, Is.EqualTo(expected), path);
            return;
        }

        switch (expected)
        {
            case XmlElement element:
                Assert.That(actual, Is.InstanceOf<XmlElement>(), path);
                Assert.That(Markup((XmlElement)actual), Is.EqualTo(Markup(element)), path);
                return;
            case string or DateTimeOffset or DateOnly or bool or int or Enum:
                Assert.That(actual, Is.EqualTo(expected), path);
                return;
            case IEnumerable sequence:
                var expectedItems = sequence.Cast<object?>().ToList();
                var actualItems = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.That(actualItems, Has.Count.EqualTo(expectedItems.Count), path + ".Count");
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    Compare(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.That(actual.GetType(), Is.EqualTo(expected.GetType()), path);
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.SetMethod is null || Skipped.Contains(property.Name))
                    {
                        continue;
                    }

                    Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                return;
        }
    }

    // An element's markup with the namespace declarations it needs, wherever they were declared.
    private static string Markup(XmlElement element)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.AppendChild(document.ImportNode(element, deep: true));
        return document.OuterXml;
    }
}
