using Pmg.LocalHost;

// The supervisor builds the host again after a listener failure or a start that storage did not answer.
await new HostSupervisor(restart => LocalHostBuilder.Create(args, AppContext.BaseDirectory, restart).Build(), TimeProvider.System).RunAsync();
