using System.Globalization;
using System.Text.Json.Nodes;

namespace Jixiao.Storage.Tests.Support;

/// <summary>
/// JSON with every number written without trailing zeros, so documents compare by value: amounts come
/// back from <c>numeric(18,2)</c> as <c>100.00</c> where the reader had <c>100</c>.
/// </summary>
public static class Numbers
{
    public static string ByValue(string json)
    {
        var node = JsonNode.Parse(json);
        Normalize(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<decimal>(out var number))
                    {
                        obj[name] = JsonValue.Create(decimal.Parse(number.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Normalize(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Normalize(child);
                }

                break;
        }
    }
}
