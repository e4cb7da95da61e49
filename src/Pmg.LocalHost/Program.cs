using Microsoft.Extensions.Hosting;
using Pmg.LocalHost;

await LocalHostBuilder.Create(args).Build().RunAsync();
