using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Jixiao.Web.Tests;

/// <summary>Runs the real `jixiao` command (built next to the tests) as a user would.</summary>
internal static class Cli
{
    /// <summary>The total `jixiao score FILE --policy POLICY` computes for the one self-evaluation in <paramref name="json"/>, as printed (two decimals).</summary>
    public static string TotalScore(string json, string policy)
    {
        var file = Path.Combine(Path.GetTempPath(), $"jixiao-score-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var output = Run("score", file, "--policy", policy);
            using var document = JsonDocument.Parse(output);
            var form = document.RootElement.GetProperty("forms")[0];
            return form.GetProperty("totalScore").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Run(params string[] args)
    {
        var (exit, stdout, stderr) = RunWithInput(null, args);
        Assert.True(exit == 0, $"jixiao {string.Join(' ', args)} exited {exit}: {stderr}");
        return stdout;
    }

    /// <summary>Runs `jixiao ARGS` with <paramref name="stdin"/> as its redirected standard input; its exit code and output.</summary>
    public static (int Exit, string Stdout, string Stderr) RunWithInput(string? stdin, params string[] args)
    {
        var psi = StartInfo(args);
        psi.RedirectStandardInput = true;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.WriteLine(stdin);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), "jixiao did not finish within a minute");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>How to start `jixiao ARGS` (the build beside the tests) with its output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jixiao.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }
}
