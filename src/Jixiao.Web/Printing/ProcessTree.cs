using System.Diagnostics;

namespace Jixiao.Web.Printing;

/// <summary>
/// Processes read from Linux's <c>/proc</c>: how the printer finds the Chromium it launched (by a marker argument
/// only that launch carries) to kill it, with its renderers, when it hangs. Elsewhere every answer is empty.
/// </summary>
public static class ProcessTree
{
    /// <summary>Process ids whose command line holds exactly <paramref name="argument"/> (a browser process's own command line; its children's may be rewritten).</summary>
    public static IReadOnlyList<int> WithArgument(string argument)
    {
        var found = new List<int>();
        foreach (var pid in All())
        {
            if (CommandLine(pid).Contains(argument))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary><paramref name="root"/>'s children, their children and so on (not <paramref name="root"/> itself).</summary>
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var pid in All())
        {
            if (Parent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == current && child != root && !result.Contains(child))
                {
                    result.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }

        return result;
    }

    /// <summary>The arguments of <paramref name="pid"/> (empty when it is gone or unreadable).</summary>
    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid}/cmdline");
            return raw.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The parent of <paramref name="pid"/>, from <c>/proc/PID/stat</c> (the field after the command's closing parenthesis and state).</summary>
    public static int? Parent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], out var parent) ? parent : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Kills <paramref name="pid"/> and everything under it, the children first found, then all at once.</summary>
    public static void KillTree(int pid)
    {
        foreach (var id in Descendants(pid).Prepend(pid))
        {
            try
            {
                using var process = Process.GetProcessById(id);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // already gone
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not ours to kill
            }
        }
    }

    private static IEnumerable<int> All()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                yield return pid;
            }
        }
    }
}
