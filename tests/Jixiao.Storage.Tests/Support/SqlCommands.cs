using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Storage.Tests.Support;

/// <summary>Counts the queries a read takes: what a batched read promises is a bounded number of them.</summary>
public static class SqlCommands
{
    /// <summary>The SQL commands EF ran on the database of <paramref name="connectionString"/> during each of <paramref name="steps"/>.</summary>
    public static List<string>[] On(string connectionString, params Action[] steps)
    {
        var file = connectionString["Data Source=".Length..];
        var seen = steps.Select(_ => new List<string>()).ToArray();
        var step = 0;
        var inner = new List<IDisposable>();
        var commands = new Observer<KeyValuePair<string, object?>>(e =>
        {
            if (e.Value is CommandExecutedEventData data && data.Command.Connection?.DataSource == file)
            {
                lock (seen)
                {
                    seen[step].Add(data.Command.CommandText);
                }
            }
        });
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (inner)
                {
                    inner.Add(listener.Subscribe(commands));
                }
            }
        }));
        try
        {
            for (; step < steps.Length; step++)
            {
                steps[step]();
            }
        }
        finally
        {
            lock (inner)
            {
                inner.ForEach(s => s.Dispose());
            }
        }

        return seen;
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => next(value);
    }
}
