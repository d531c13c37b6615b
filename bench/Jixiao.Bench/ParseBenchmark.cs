namespace Jixiao.Bench;

internal static class ParseBenchmark
{
    public static int Run(string[] args)
    {
        Console.WriteLine("parse benchmark: not written yet");
        return 0;
    }
}
