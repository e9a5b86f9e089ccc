/** `--help`: every option, its default, and what the exit status means. */
export const helpText = `Usage: npm run simulator -- [options]

Simulates a fleet of OCPP charging stations (1.6J and/or 2.0.1) against a CSMS and prints
what happened. Stops by itself after --duration seconds (the boot scenario may end earlier).

Connection
  --url URL                 CSMS endpoint base; the station id is appended (default ws://127.0.0.1:9000/ocpp).
                            A URL containing {id} is used as a template instead.
  --profile 0|1|2|3         OCPP security profile (default 0):
                              0 no credentials, 1 ws:// + HTTP Basic, 2 wss:// + Basic, 3 wss:// + client certificate
  --password PW             Basic password of every station (profiles 1, 2); the user is the station id
  --password-prefix P       Basic password = P + station id
  --ca FILE                 PEM CA bundle that signed the CSMS server certificate (wss://)
  --cert FILE --key FILE    PEM client certificate and key (profile 3); may contain {id} for one file per station
  --insecure                do not verify the server certificate
  --source-addresses N|IPS  spread sockets over N loopback source addresses (127.0.0.1, 127.0.0.2, ...)
                            or over a comma-separated list of local IPs. Default: one loopback address
                            per 25 000 stations when the CSMS is on loopback, else the OS chooses.

Fleet
  -n, --count N             number of stations (default 1)
  --version V               1.6, 2.0.1 or mixed (alternating) (default 2.0.1)
  --prefix P                station id prefix; ids are P0001, P0002, ... (default SIM-)
  --digits N                digits of the number in station ids (default 4: --digits 3 gives P001)
  --scenario S              boot:   connect, BootNotification, StatusNotification, disconnect
                            idle:   boot, then stay connected with heartbeats until the end
                            charge: idle + Authorize, a transaction with meter values, stop at the end
                            (default boot)
  --meter-interval S        whole seconds between meter values while charging (default 60)
  --duration S              length of the run in seconds (default 60)
  -c, --concurrency N       stations connecting and booting at the same time (default 100)
  --call-timeout S          seconds a station waits for an answer to its CALL (default 30)

Output
  --json                    print the summary as JSON on stdout (progress stays on stderr)
  --no-progress             no progress line on stderr
  -h, --help                this text

Exit status: 0 when every station completed its scenario, 1 when any failed, 2 on bad options.
Many stations need many file descriptors: \`npm run simulator\` raises the limit (ulimit -n) itself.
`;
