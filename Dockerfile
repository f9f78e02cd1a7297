# The aurora-devops CLI as a container image:
#   docker build -t aurora-devops .
#   docker run --rm -v "$PWD:/src:ro" aurora-devops check /src
# The base is pinned by version tag (see docs/ci.md, "Container image"). The build stage needs
# the repository's dev dependencies (esbuild, the parsers); the final stage holds only the
# packed CLI, which installs with nothing to fetch.

# aurora-ignore dockerfile/no-digest-pin the tag is the pin; docs/ci.md says how to add the digest your registry resolves
FROM node:20.18.0-alpine3.20 AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY . .
RUN npm pack --pack-destination /tmp/pkg \
    && npm install --global --offline --prefix /opt/aurora /tmp/pkg/aurora-devops-*.tgz

# aurora-ignore dockerfile/no-digest-pin the tag is the pin; docs/ci.md says how to add the digest your registry resolves
FROM node:20.18.0-alpine3.20
COPY --from=build /opt/aurora /opt/aurora
ENV PATH=/opt/aurora/bin:$PATH
# every `docker run --rm` starts from the image: a V8 code cache (README, "code cache") written at
# exit would be thrown away with the container, so the CLI makes none
ENV AURORA_CODE_CACHE=0
# the node user (uid 1000) of the base image: the CLI only reads the mounted repository
USER node
WORKDIR /src
ENTRYPOINT ["aurora-devops"]
CMD ["check", "/src"]
