import { execFileSync } from 'node:child_process';

/**
 * `count` distinct TCP ports free on 127.0.0.1 at the time of asking: the kernel picks each (a
 * listener on port 0), and they are closed again for the servers the tests start on them. Another
 * process may hold any fixed port (a developer's own server, another run of the suite), and a server
 * asked for a taken port moves to the next one, where no test looks for it. Synchronous, through a
 * child Node, so that playwright.config.ts can call it while it loads.
 */
export function freePorts(count: number): number[] {
  const script = `
    const net = require('node:net');
    const servers = Array.from({ length: Number(process.argv[1]) }, () => net.createServer());
    Promise.all(servers.map((server) => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)))).then(() => {
      process.stdout.write(JSON.stringify(servers.map((server) => server.address().port)));
      for (const server of servers) server.close();
    });`;
  const ports = JSON.parse(
    execFileSync(process.execPath, ['-e', script, String(count)], { encoding: 'utf8' }),
  ) as number[];
  if (ports.length !== count || new Set(ports).size !== count)
    throw new Error(`asked for ${count} free ports, got ${ports.join(', ')}`);
  return ports;
}
