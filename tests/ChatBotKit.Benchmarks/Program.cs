using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example: dotnet run -c Release -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
