import type { Rule } from '../../rule';
import type { YamlFile } from '../../parsers/yaml';
import { isMap, isScalar, rangeOf, seqItems, str } from '../../parsers/yaml';
import type { Fix } from '../../types';
import { composeServices, reportOnce } from './model';
import { mergedEntry } from '../shared/yamlMerge';
import { isAllInterfaces, parsePort, parseShortPort } from './ports';

/** Well-known ports of databases, caches and brokers, by the service that listens on them. */
export const DATA_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL/MariaDB'],
  [33060, 'MySQL X protocol'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [9200, 'Elasticsearch/OpenSearch'],
  [9300, 'Elasticsearch transport'],
  [5672, 'RabbitMQ'],
  [9042, 'Cassandra'],
  [5984, 'CouchDB'],
  [8086, 'InfluxDB'],
  [26257, 'CockroachDB'],
  [7687, 'Neo4j'],
  [2379, 'etcd'],
  [2181, 'ZooKeeper'],
  [9092, 'Kafka'],
  [28015, 'RethinkDB'],
]);

/** The message for a data store port published on every interface. */
export function message(service: string, port: number, product: string): string {
  return `Service '${service}' publishes ${product} port ${port} on all host interfaces: anyone who can reach the host can try to log in; bind it to 127.0.0.1 or drop the port and use the compose network`;
}

/** The data-store port a mapping publishes, if any. */
function dataPort(range: [number, number] | undefined): number | undefined {
  if (!range) {
    return undefined;
  }
  for (const port of DATA_PORTS.keys()) {
    if (port >= range[0] && port <= range[1]) {
      return port;
    }
  }
  return undefined;
}

/** Database and cache ports should not listen on every interface of the host. */
export const rule: Rule<YamlFile> = {
  id: 'compose/exposed-database-port',
  meta: {
    title: 'Database port published on all interfaces',
    description: 'Publishing 5432, 3306, 27017, 6379, 9200 or another data-store port without a host address opens it to the network, and Docker bypasses host firewalls such as ufw.',
    severity: 'warning',
    kind: 'compose',
    fixable: true,
  },
  check(ctx) {
    const report = reportOnce(ctx);
    for (const service of composeServices(ctx.model)) {
      const ports = mergedEntry(service.node, 'ports', service.doc)?.value;
      for (const item of seqItems(ports, service.doc)) {
        const mapping = parsePort(item, service.doc);
        if (!mapping || !isAllInterfaces(mapping.hostIp)) {
          continue;
        }
        const port = dataPort(mapping.containerPorts);
        if (port === undefined) {
          continue;
        }
        report({
          range: rangeOf(ctx.model, isMap(item) ? item.items[0]?.key ?? item : item),
          message: message(service.name, port, DATA_PORTS.get(port) ?? 'data store'),
          fix: bindFix(ctx.model, item),
        });
      }
    }
  },
};

/** Rewrite a port to listen on 127.0.0.1 only, keeping the quoting style. */
function bindFix(file: YamlFile, item: unknown): Fix | undefined {
  const title = 'Bind the port to 127.0.0.1';
  if (isScalar(item)) {
    const text = str(item);
    const r = rangeOf(file, item);
    // a variable could stand for anything, so only literal ports are rewritten
    if (text === undefined || r.start.line !== r.end.line || text.includes('$')) {
      return undefined;
    }
    const t = text.trim();
    const parsed = parseShortPort(t);
    let bound: string;
    if (parsed.hostIp !== undefined) {
      const rest = t.startsWith('[') ? t.slice(t.indexOf(']') + 1) : t.slice(parsed.hostIp.length);
      bound = `127.0.0.1${rest}`;
    } else if (t.includes(':')) {
      bound = `127.0.0.1:${t}`;
    } else {
      bound = `127.0.0.1::${t}`;
    }
    const quote = item.type === 'QUOTE_SINGLE' ? "'" : '"';
    return { title, safe: false, edits: [{ range: r, newText: `${quote}${bound}${quote}` }] };
  }
  if (isMap(item) && !item.flow && item.items.length > 0 && !mergedEntry(item, 'host_ip')) {
    const last = item.items[item.items.length - 1];
    const first = item.items[0];
    const lastEnd = rangeOf(file, last.value ?? last.key).end;
    const col = rangeOf(file, first.key).start.character;
    const line = lastEnd.character === 0 && lastEnd.line > 0 ? lastEnd.line - 1 : lastEnd.line;
    const at = file.index.lineEndOffset(line);
    return { title, safe: false, edits: [{ range: file.index.range(at, at), newText: `${file.index.eol}${' '.repeat(col)}host_ip: 127.0.0.1` }] };
  }
  return undefined;
}
