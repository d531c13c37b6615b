using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Formats.Sources;
using Jixiao.Storage;

namespace Jixiao.Cli;

/// <summary>What the commands over the store share: the <c>--db</c> option, JSON output and the one place errors become exit codes.</summary>
internal static class StoreCli
{
    public const int UserError = 3;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Option<string?> Db() => new("--db")
    {
        Description = $"数据库连接：SQLite 文件路径或 Data Source=…；PostgreSQL 用 Host=…;Database=… 或 postgres://…（默认 ${DatabaseTarget.EnvironmentVariable}，否则 data/jixiao.db）",
    };

    public static void WriteJson<T>(T value)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
    }

    /// <summary>Runs a command body, turning a store or input error into a message and exit code 3.</summary>
    public static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex) when (ex is StoreException or UnreadableSourceException)
        {
            await Console.Error.WriteLineAsync($"jixiao: {ex.Message}");
            return UserError;
        }
    }
}
